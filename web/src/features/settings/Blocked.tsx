/**
 * Blocked members (GET /api/v1/blocks): whom you blocked and since when, and unblocking one of
 * them (DELETE /api/v1/blocks/:userId) after saying plainly what that changes and asking to confirm.
 * The answer is said in a status region; focus moves to the screen's heading, since the button
 * that opened the confirmation is gone with its entry.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { BlockedMember } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { generalErrorMessage } from "../../ui/form-errors";
import { Page } from "../../ui/Page";

export default function Blocked() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ["blocks"], queryFn: api.blocks });
  // Who the confirmation is about; kept while the dialog closes so its words don't change.
  const [target, setTarget] = useState<BlockedMember | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState("");
  const [focusHeading, setFocusHeading] = useState(false);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "long" });

  // After the dialog has closed and given focus back, move it somewhere that still exists.
  useEffect(() => {
    if (!focusHeading || confirming) return;
    const frame = requestAnimationFrame(() => {
      document.getElementById("page-heading")?.focus();
      setFocusHeading(false);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusHeading, confirming]);

  return (
    <Page title={t("blocked.title")}>
      <p>{t("blocked.intro")}</p>
      <p>{t("blocked.howToBlock")}</p>
      <p role="status">{status}</p>
      {query.isPending ? <p>{t("app.loading")}</p> : null}
      {query.isError ? <p>{generalErrorMessage(query.error, t)}</p> : null}
      {query.data && query.data.blocks.length === 0 ? <p>{t("blocked.none")}</p> : null}
      {query.data && query.data.blocks.length > 0 ? (
        <ul className="plain-list" aria-label={t("blocked.listLabel")}>
          {query.data.blocks.map((blocked) => (
            <li key={blocked.userId}>
              <p>
                <strong>{blocked.displayName ?? `@${blocked.handle}`}</strong>
                {blocked.displayName ? <span className="muted"> @{blocked.handle}</span> : null}
              </p>
              <p className="muted">
                <time dateTime={blocked.blockedAt}>{t("blocked.since", { when: format.format(new Date(blocked.blockedAt)) })}</time>
              </p>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  setTarget(blocked);
                  setConfirming(true);
                }}
              >
                {t("blocked.unblock", { handle: blocked.handle })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={target ? t("blocked.unblockTitle", { handle: target.handle }) : ""}
        confirmLabel={target ? t("blocked.unblockConfirm", { handle: target.handle }) : ""}
        onConfirm={async () => {
          if (!target) return;
          const { userId, handle } = target;
          setStatus("");
          await api.unblock(userId);
          setStatus(t("blocked.unblocked", { handle }));
          setFocusHeading(true);
          client.setQueryData<{ blocks: BlockedMember[] }>(["blocks"], (old) => old && { blocks: old.blocks.filter((b) => b.userId !== userId) });
          void client.invalidateQueries({ queryKey: ["blocks"] });
        }}
      >
        {target ? <p>{t("blocked.unblockExplain", { handle: target.handle })}</p> : null}
      </ConfirmDialog>
    </Page>
  );
}
