/**
 * /invite/:code: someone shared a room's invite link. Nothing happens until the member chooses
 * to join (POST /api/v1/invites/:code), then they are taken into the room. A revoked or unknown
 * code is said plainly.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import { useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";
import { generalErrorMessage } from "../../ui/form-errors";

export default function AcceptInvite({ code }: { code: string }) {
  const t = useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Page title={t("acceptInvite.title")}>
      <p>{t("acceptInvite.intro")}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={async () => {
            if (busy) return;
            setBusy(true);
            setError(null);
            try {
              const { conversation } = await api.acceptInvite(code);
              await queryClient.invalidateQueries({ queryKey: ["conversations"] });
              navigate(`/conversations/${encodeURIComponent(conversation.id)}`);
            } catch (caught) {
              setError(caught instanceof ApiError && caught.code === "NOT_FOUND" ? t("acceptInvite.notValid") : generalErrorMessage(caught, t));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t("acceptInvite.join")}
        </button>
        <Link href="/rooms">{t("acceptInvite.browse")}</Link>
      </div>
    </Page>
  );
}
