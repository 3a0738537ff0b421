/**
 * Your sessions (GET /api/v1/sessions): where you are signed in, ending any one of them,
 * and "sign out everywhere else" (DELETE /api/v1/sessions/:id for each of the others).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";
import { Page } from "../../ui/Page";

export default function Sessions() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ["sessions"], queryFn: api.sessions });
  const [status, setStatus] = useState("");
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const others = query.data?.sessions.filter((s) => !s.current) ?? [];

  async function end(ids: string[]) {
    setStatus("");
    try {
      for (const id of ids) await api.endSession(id);
      setStatus(t("sessions.ended", { count: ids.length }));
    } catch (error) {
      setStatus(generalErrorMessage(error, t));
    }
    await client.invalidateQueries({ queryKey: ["sessions"] });
  }

  return (
    <Page title={t("sessions.title")}>
      <p>{t("sessions.intro")}</p>
      <p role="status">{status}</p>
      {query.isPending ? <p>{t("app.loading")}</p> : null}
      {query.isError ? <p>{generalErrorMessage(query.error, t)}</p> : null}
      {query.data ? (
        <ul className="plain-list">
          {query.data.sessions.map((session) => (
            <li key={session.id}>
              <p>
                <strong>{session.current ? t("sessions.thisDevice") : t("sessions.otherDevice")}</strong>
              </p>
              <p className="muted">{t("sessions.started", { when: format.format(new Date(session.createdAt)) })}</p>
              <p className="muted">{t("sessions.lastUsed", { when: format.format(new Date(session.lastUsedAt)) })}</p>
              {session.current ? null : (
                <button
                  type="button"
                  className="button secondary"
                  aria-label={t("sessions.endOneLabel", { when: format.format(new Date(session.createdAt)) })}
                  onClick={() => end([session.id])}
                >
                  {t("sessions.endOne")}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {query.data ? (
        <div className="actions">
          {others.length > 0 ? (
            <button type="button" className="button" onClick={() => end(others.map((s) => s.id))}>
              {t("sessions.endOthers")}
            </button>
          ) : (
            <p>{t("sessions.noOthers")}</p>
          )}
        </div>
      ) : null}
    </Page>
  );
}
