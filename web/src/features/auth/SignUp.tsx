/**
 * Sign-up (POST /api/v1/accounts): handle, password, date of birth, the community agreement
 * and the consent-only crisis policy in plain words. Errors follow GOV.UK: a summary that takes
 * focus, the message beside each field, and everything typed kept. Under 18: the kind refusal
 * page, and the form is emptied (nothing about the person is kept, here or on the server).
 * Someone who came from an invite link is told the room waits for them after onboarding.
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
import { type BirthDate, BirthDateField, emptyBirthDate, toIsoDate } from "./BirthDateField";
import { PasswordField, minPasswordLength } from "./PasswordField";
import { holdRecoveryCodes } from "./recovery-codes-holder";
import { isInvite, returnTo } from "./return-to";
import { useSetMe } from "./session";

const handlePattern = /^[A-Za-z0-9_.-]{3,32}$/;

/** Which box each server field is shown beside (details.field → element id). */
const fieldIds: Record<string, string> = {
  handle: "handle",
  password: "password",
  birthDate: "birth-day",
  acceptAgreement: "accept-agreement",
};

export default function SignUp() {
  const t = useT();
  const setMe = useSetMe();
  const [, navigate] = useLocation();
  const [handle, setHandle] = useState("");
  const [password, setPassword] = useState("");
  const [birthDate, setBirthDate] = useState<BirthDate>(emptyBirthDate);
  const [accepted, setAccepted] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [invited] = useState(() => isInvite(returnTo.peek()));

  function checkLocally(): FieldErrors {
    const found: FieldErrors = new Map();
    if (!handle.trim()) found.set("handle", t("signUp.errors.handleMissing"));
    else if (!handlePattern.test(handle.trim())) found.set("handle", t("signUp.errors.handleShape"));
    if ([...password].length < minPasswordLength) found.set("password", t("signUp.errors.passwordShort", { min: minPasswordLength }));
    if (!birthDate.day && !birthDate.month && !birthDate.year) found.set("birth-day", t("signUp.errors.birthDateMissing"));
    else if (!toIsoDate(birthDate)) found.set("birth-day", t("signUp.errors.birthDateReal"));
    if (!accepted) found.set("accept-agreement", t("signUp.errors.agreement"));
    return found;
  }

  function serverErrors(error: ApiError): FieldErrors {
    const found: FieldErrors = new Map();
    if (error.code === "HANDLE_TAKEN") found.set("handle", t("signUp.errors.handleTaken"));
    else if (error.code === "WEAK_PASSWORD") {
      found.set(
        "password",
        error.details.reason === "common" ? t("signUp.errors.passwordCommon") : t("signUp.errors.passwordShort", { min: minPasswordLength }),
      );
    } else if (error.code === "BAD_REQUEST" && error.field && fieldIds[error.field]) {
      const messages: Record<string, string> = {
        handle: t("signUp.errors.handleShape"),
        password: t("signUp.errors.passwordShort", { min: minPasswordLength }),
        birthDate: t("signUp.errors.birthDateReal"),
        acceptAgreement: t("signUp.errors.agreement"),
      };
      found.set(fieldIds[error.field]!, messages[error.field]!);
    }
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setGeneral(null);
    const local = checkLocally();
    setErrors(local);
    if (local.size > 0) return;
    setBusy(true);
    try {
      const result = await api.signUp({ handle: handle.trim(), password, birthDate: toIsoDate(birthDate)!, acceptAgreement: true });
      holdRecoveryCodes(result.recoveryCodes);
      setMe(result.user);
      navigate("/recovery-codes");
    } catch (error) {
      if (error instanceof ApiError && error.code === "UNDER_AGE") {
        // Nothing typed is kept: the refusal page starts from nothing.
        setHandle("");
        setPassword("");
        setBirthDate(emptyBirthDate);
        navigate("/under-18", { replace: true });
        return;
      }
      const fields = error instanceof ApiError ? serverErrors(error) : new Map<string, string>();
      setErrors(fields);
      if (fields.size === 0) setGeneral(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("signUp.title")}>
      {invited ? <p className="calm-panel">{t("signUp.invited")}</p> : null}
      <p>{t("signUp.intro")}</p>
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <form noValidate onSubmit={submit}>
        <TextField
          id="handle"
          label={t("signUp.handle")}
          hint={t("signUp.handleHint")}
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
          label={t("signUp.password")}
          value={password}
          onChange={setPassword}
          error={errors.get("password")}
          autoComplete="new-password"
          guide
        />
        <BirthDateField value={birthDate} onChange={setBirthDate} error={errors.get("birth-day")} />

        <section className="calm-panel" aria-labelledby="agreement-title">
          <h2 id="agreement-title">{t("signUp.agreementTitle")}</h2>
          <ul>
            <li>{t("signUp.agreementRespect")}</li>
            <li>{t("signUp.agreementPrivacy")}</li>
            <li>{t("signUp.agreementNoPressure")}</li>
          </ul>
          <h2>{t("signUp.crisisTitle")}</h2>
          <p>{t("signUp.crisisPolicy")}</p>
          <p>
            <a href="/agreement" target="_blank" rel="noopener">
              {t("signUp.readAgreement")}
            </a>
          </p>
        </section>
        <div className={errors.has("accept-agreement") ? "field has-error" : "field"}>
          {errors.has("accept-agreement") ? (
            <p className="field-error" id="accept-agreement-error">
              {errors.get("accept-agreement")}
            </p>
          ) : null}
          <div className="check">
            <input
              type="checkbox"
              id="accept-agreement"
              checked={accepted}
              onChange={(event) => setAccepted(event.target.checked)}
              aria-describedby={errors.has("accept-agreement") ? "accept-agreement-error" : undefined}
              aria-invalid={errors.has("accept-agreement") ? true : undefined}
            />
            <label htmlFor="accept-agreement">{t("signUp.accept")}</label>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t("signUp.submitting") : t("signUp.submit")}
          </button>
          <Link href="/sign-in">{t("signUp.haveAccount")}</Link>
        </div>
      </form>
    </Page>
  );
}
