/**
 * Recovery with a code (POST /api/v1/accounts/recover): handle, one recovery code and a new
 * password. Every older session and code stops working, so new codes are shown next.
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
import { PasswordField, minPasswordLength } from "./PasswordField";
import { holdRecoveryCodes } from "./recovery-codes-holder";
import { useSetMe } from "./session";

export default function Recover() {
  const t = useT();
  const setMe = useSetMe();
  const [, navigate] = useLocation();
  const [handle, setHandle] = useState("");
  const [code, setCode] = useState("");
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
    const found: FieldErrors = new Map();
    if (!handle.trim()) found.set("handle", t("recover.errors.handleMissing"));
    if (!code.trim()) found.set("recovery-code", t("recover.errors.codeMissing"));
    if ([...password].length < minPasswordLength) found.set("new-password", t("signUp.errors.passwordShort", { min: minPasswordLength }));
    setErrors(found);
    if (found.size > 0) return;
    setBusy(true);
    try {
      const result = await api.recover({ handle: handle.trim(), recoveryCode: code.trim(), newPassword: password });
      holdRecoveryCodes(result.recoveryCodes);
      setMe(result.user);
      navigate("/recovery-codes");
    } catch (error) {
      if (error instanceof ApiError && error.code === "UNAUTHENTICATED") setErrors(new Map([["recovery-code", t("recover.errors.wrong")]]));
      else if (error instanceof ApiError && error.code === "WEAK_PASSWORD") {
        setErrors(
          new Map([
            [
              "new-password",
              error.details.reason === "common" ? t("signUp.errors.passwordCommon") : t("signUp.errors.passwordShort", { min: minPasswordLength }),
            ],
          ]),
        );
      } else setGeneral(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("recover.title")}>
      <p>{t("recover.intro")}</p>
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <form noValidate onSubmit={submit}>
        <TextField
          id="handle"
          label={t("recover.handle")}
          value={handle}
          onChange={setHandle}
          error={errors.get("handle")}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
        />
        <TextField
          id="recovery-code"
          label={t("recover.code")}
          hint={t("recover.codeHint")}
          value={code}
          onChange={setCode}
          error={errors.get("recovery-code")}
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
        />
        <PasswordField
          id="new-password"
          label={t("recover.newPassword")}
          value={password}
          onChange={setPassword}
          error={errors.get("new-password")}
          autoComplete="new-password"
          guide
        />
        <div className="actions">
          <button type="submit" className="button">
            {busy ? t("recover.submitting") : t("recover.submit")}
          </button>
          <Link href="/sign-in">{t("recover.back")}</Link>
        </div>
      </form>
    </Page>
  );
}
