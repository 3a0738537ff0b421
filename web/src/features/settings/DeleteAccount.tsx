/**
 * "Delete my account" (DELETE /api/v1/me): says plainly what happens, asks for the password,
 * and on 204 forgets the member in this tab the way sign-out does (socket closed, drafts and
 * unsent messages gone from the tab's storage, every cached answer dropped) before showing
 * /account-deleted. A wrong password is an error beside the field, GOV.UK style, and nothing
 * changes: the socket, paused during the request, starts again where it left off.
 */
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import { useT } from "../../i18n/I18nProvider";
import { socketStore } from "../../socket/store";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { type FieldErrors, generalErrorMessage } from "../../ui/form-errors";
import { PasswordField } from "../auth/PasswordField";
import { useSetMe } from "../auth/session";

export function DeleteAccount() {
  const t = useT();
  const setMe = useSetMe();
  const [, navigate] = useLocation();
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setGeneral(null);
    if (!password) {
      setErrors(new Map([["password", t("yourData.delete.errors.passwordMissing")]]));
      return;
    }
    setErrors(new Map());
    setBusy(true);
    // The page that follows, fetched alongside the request rather than after it.
    void import("./AccountDeleted");
    // On success the server closes this member's sockets before it answers: paused first, that
    // close is not taken for a lost connection ("Offline…", a reconnect, a sign-in page).
    socketStore.pause();
    try {
      await api.deleteMe({ password });
    } catch (error) {
      socketStore.start();
      setBusy(false);
      if (error instanceof ApiError && error.field === "password") {
        const key = error.code === "FORBIDDEN" ? "yourData.delete.errors.passwordWrong" : "yourData.delete.errors.passwordMissing";
        setErrors(new Map([["password", t(key)]]));
      } else {
        setGeneral(generalErrorMessage(error, t));
      }
      return;
    }
    // As at sign-out: the socket closes, the tab's storage and every cached answer are forgotten.
    socketStore.stop();
    setMe(null);
    navigate("/account-deleted");
  }

  return (
    <section className="panel" aria-labelledby="delete-title">
      <h2 id="delete-title">{t("yourData.delete.title")}</h2>
      <p>{t("yourData.delete.intro")}</p>
      <ul>
        <li>{t("yourData.delete.messages")}</li>
        <li>{t("yourData.delete.conversations")}</li>
        <li>{t("yourData.delete.erased")}</li>
        <li>{t("yourData.delete.signedOut")}</li>
        <li>{t("yourData.delete.handle")}</li>
      </ul>
      <p>
        <strong>{t("yourData.delete.final")}</strong>
      </p>
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <form noValidate onSubmit={submit}>
        <PasswordField
          id="password"
          label={t("yourData.delete.password")}
          value={password}
          onChange={setPassword}
          error={errors.get("password")}
          autoComplete="current-password"
        />
        <div className="actions">
          <button type="submit" className="button">
            {busy ? t("yourData.delete.submitting") : t("yourData.delete.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
