/**
 * The honest wait: how long it has been, the alternatives the server suggests once the wait
 * is slow, and a way to stop waiting (GET and DELETE /api/v1/match-requests/:id). The clock is
 * not a live region, so it is not read out every minute; the status says each change once.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";
import { ResourceItems } from "../help/ResourceList";

export function Waiting({ requestId, onCancelled }: { requestId: string; onCancelled(): void }) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const [, navigate] = useLocation();
  const [now, setNow] = useState(() => Date.now());
  const [problem, setProblem] = useState<string | null>(null);
  // Polled as well as pushed: if the socket missed `match.found`, the wait still ends.
  const query = useQuery({ queryKey: ["match-request", requestId], queryFn: () => api.matchRequest(requestId), refetchInterval: 5000 });
  const request = query.data?.request;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (request?.status === "matched" && request.conversationId) navigate(`/conversations/${encodeURIComponent(request.conversationId)}`);
    else if (request && request.status !== "waiting" && request.status !== "matched") onCancelled();
  }, [request, navigate, onCancelled]);

  useEffect(() => {
    if (query.error) onCancelled();
  }, [query.error, onCancelled]);

  const minutes = request ? Math.floor((now - Date.parse(request.createdAt)) / 60_000) : 0;
  const since = request ? new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" }).format(new Date(request.createdAt)) : "";

  return (
    <section className="calm-panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t("waiting.title")}</h2>
      <p role="status">{request?.slow ? t("waiting.slow") : t("waiting.looking")}</p>
      {request ? <p>{t("waiting.waited", { minutes, since })}</p> : null}
      <p>{t("waiting.whatHappens")}</p>
      {problem ? <p className="field-error">{problem}</p> : null}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={async () => {
            setProblem(null);
            try {
              await api.cancelMatchRequest(requestId);
              onCancelled();
            } catch (error) {
              setProblem(generalErrorMessage(error, t));
            }
          }}
        >
          {t("waiting.cancel")}
        </button>
      </div>
      {request?.slow && request.suggestions ? (
        <>
          <h3>{t("waiting.alternatives")}</h3>
          {request.suggestions.groups.length ? (
            <>
              <p>{t("waiting.groups", { count: request.suggestions.groups.length })}</p>
              <ul>
                {request.suggestions.groups.map((group) => (
                  <li key={group.id}>
                    {group.title ?? t("conversations.untitledGroup")}
                    {group.topic ? <span className="muted">{` — ${group.topic}`}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {request.suggestions.resources.length ? (
            <>
              <p>{t("waiting.warmlines")}</p>
              <ResourceItems resources={request.suggestions.resources} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
