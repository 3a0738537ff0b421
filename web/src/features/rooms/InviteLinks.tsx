/**
 * A room's invite links, for its facilitators: make one (the code is shown once, as a link to
 * /invite/:code, with a copy button), see the ones made, and revoke any of them
 * (POST, GET and DELETE /api/v1/conversations/:id/invites).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import type { NewInvite } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";

export function InviteLinks({ conversationId }: { conversationId: string }) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const queryClient = useQueryClient();
  const key = ["invites", conversationId];
  const invites = useQuery({ queryKey: key, queryFn: () => api.invites(conversationId) });
  const [fresh, setFresh] = useState<NewInvite | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: () => api.createInvite(conversationId),
    onSuccess: async ({ invite }) => {
      setFresh(invite);
      setCopied(false);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (inviteId: string) => api.revokeInvite(conversationId, inviteId),
    onSuccess: async (_done, inviteId) => {
      if (fresh?.id === inviteId) setFresh(null);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const link = fresh ? `${location.origin}/invite/${encodeURIComponent(fresh.code)}` : "";
  const error = create.error ?? revoke.error;

  return (
    <section aria-labelledby="invites-title">
      <h3 id="invites-title">{t("invites.title")}</h3>
      <p>{t("invites.intro")}</p>
      <button type="button" className="button secondary" onClick={() => create.mutate()}>
        {t("invites.create")}
      </button>
      {fresh ? (
        <div className="calm-panel invite-fresh">
          <label htmlFor="invite-link">{t("invites.newLink")}</label>
          <p className="hint" id="invite-link-hint">
            {t("invites.shownOnce")}
          </p>
          <input id="invite-link" type="text" readOnly value={link} aria-describedby="invite-link-hint" onFocus={(event) => event.target.select()} />
          <p className="actions">
            <button
              type="button"
              className="button"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(link);
                  setCopied(true);
                } catch {
                  // No clipboard (an insecure page, or refused): the link is selected for copying by hand.
                  document.getElementById("invite-link")?.focus();
                }
              }}
            >
              {t("invites.copy")}
            </button>
            <span role="status">{copied ? t("invites.copied") : ""}</span>
          </p>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {generalErrorMessage(error, t)}
        </p>
      ) : null}
      {invites.data && invites.data.invites.length > 0 ? (
        <ul className="plain-list" aria-label={t("invites.listLabel")}>
          {invites.data.invites.map((invite) => (
            <li key={invite.id} className="row-between">
              <span>
                {invite.revoked
                  ? t("invites.revokedOn", { date: when.format(new Date(invite.createdAt)) })
                  : t("invites.madeOn", { date: when.format(new Date(invite.createdAt)) })}
              </span>
              {invite.revoked ? null : (
                <button
                  type="button"
                  className="button link"
                  aria-label={t("invites.revokeNamed", { date: when.format(new Date(invite.createdAt)) })}
                  onClick={() => revoke.mutate(invite.id)}
                >
                  {t("invites.revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
