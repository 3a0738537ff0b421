/**
 * The note the previous supporter left, shown to the supporter a member was handed to, and to
 * nobody else (GET /api/v1/handoffs/:id answers only them).
 */
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useT } from "../../i18n/I18nProvider";

export function HandoffNote({ handoffId }: { handoffId: string }) {
  const t = useT();
  const query = useQuery({ queryKey: ["handoff", handoffId], queryFn: () => api.handoff(handoffId), staleTime: Infinity });
  if (query.isError || query.isPending) return null;
  return (
    <section className="calm-panel" aria-labelledby="handoff-note-title">
      <h2 id="handoff-note-title">{t("handoff.noteTitle")}</h2>
      <p className="handoff-note">{query.data.handoff.note}</p>
      <p className="muted">{t("handoff.noteOnlyYou")}</p>
    </section>
  );
}
