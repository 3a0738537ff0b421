/**
 * Sign-in (POST /api/v1/sessions). A wrong handle and a wrong password get the same answer,
 * so the message never says which one was wrong. Afterwards the member goes where they were
 * going when they were sent here (an invite link, say: see return-to.ts), else home.
 */
import { type FormEvent, useState } from "react";
import { Link, useLocation } from "wouter";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import { useT } from "../../i18n/I18nProvider";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { type FieldErrors, generalErrorMessage } from "../../ui/form-errors";
import { Page } from "../../ui/Page";
import { TextField } from "../../ui/TextField";
import { PasswordField } from "./PasswordField";
import { isInvite, returnTo } from "./return-to";
import { useSetMe } from "./session";

export default function SignIn() {
  const t = useT();
  const setMe = useSetMe();
  const [, navigate] = useLocation();
  const [handle, setHandle] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [invited] = useState(() => isInvite(returnTo.peek()));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setGeneral(null);
    const found: FieldErrors = new Map();
    if (!handle.trim()) found.set("handle", t("signIn.errors.handleMissing"));
    if (!password) found.set("password", t("signIn.errors.passwordMissing"));
    setErrors(found);
    if (found.size > 0) return;
    setBusy(true);
    try {
      const result = await api.signIn({ handle: handle.trim(), password });
      setMe(result.user);
      navigate(returnTo.take() ?? "/home");
    } catch (error) {
      if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
        setErrors(new Map([["handle", t("signIn.errors.wrong")]]));
      } else if (error instanceof ApiError && (error.code === "SUSPENDED" || error.code === "BANNED")) {
        setGeneral(t("signIn.errors.suspended"));
      } else {
        setGeneral(generalErrorMessage(error, t));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("signIn.title")}>
      {invited ? <p className="calm-panel">{t("signIn.invited")}</p> : null}
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <form noValidate onSubmit={submit}>
        <TextField
          id="handle"
          label={t("signIn.handle")}
          value={handle}
          onChange={setHandle}
          error={errors.get("handle")}
          autoComplete="username"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
        />
        <PasswordField
          id="password"
          label={t("signIn.password")}
          value={password}
          onChange={setPassword}
          error={errors.get("password")}
          autoComplete="current-password"
        />
        <div className="actions">
          <button type="submit" className="button">
            {busy ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </div>
      </form>
      <p>
        <Link href="/recover">{t("signIn.forgot")}</Link>
      </p>
      <p>
        <Link href="/sign-up">{t("signIn.noAccount")}</Link>
      </p>
    </Page>
  );
}
