/**
 * After sign-up, and skippable: which experiences the member shares, which languages they speak,
 * whether they want to talk or can listen, and their region for crisis lines
 * (GET /api/v1/experiences, GET /api/v1/resources, then PATCH /api/v1/me). Saving or skipping
 * takes the member where they were going before they joined (an invite link: see
 * auth/return-to.ts), else home.
 */
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useLocation } from "wouter";
import { api } from "../../api/client";
import type { Availability } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { type FieldErrors, generalErrorMessage } from "../../ui/form-errors";
import { Page } from "../../ui/Page";
import { returnTo } from "../auth/return-to";
import { useMe, useSetMe } from "../auth/session";
import { AvailabilityChoice } from "./AvailabilityChoice";
import { ExperienceChoice } from "./ExperienceChoice";
import { languageChoices, languageName, regionName } from "./choices";

export default function Onboarding() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const me = useMe();
  const setMe = useSetMe();
  const [, navigate] = useLocation();
  const user = me.data!;
  const [experiences, setExperiences] = useState<string[]>(user.experiences);
  const [languages, setLanguages] = useState<string[]>(user.languages.length ? user.languages : [locale]);
  const [availability, setAvailability] = useState<Availability>(user.availability);
  const [region, setRegion] = useState<string>(user.region ?? "");
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const allResources = useQuery({ queryKey: ["resources", null], queryFn: () => api.resources() });
  const [next] = useState(() => returnTo.peek() ?? "/home");
  const regions = [...new Set((allResources.data?.resources ?? []).map((r) => r.region).filter((r) => r !== "*"))].sort();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setGeneral(null);
    const found: FieldErrors = new Map();
    if (languages.length === 0) found.set(`language-${languageChoices[0]}`, t("onboarding.errors.language"));
    setErrors(found);
    if (found.size > 0) return;
    setBusy(true);
    try {
      const { user: updated } = await api.updateMe({ experiences, languages, availability, region: region || null });
      setMe(updated);
      navigate(returnTo.take() ?? "/home");
    } catch (error) {
      setGeneral(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <Page title={t("onboarding.title")}>
      <p>{t("onboarding.intro")}</p>
      <p>
        <Link href={next} onClick={() => returnTo.forget()}>
          {t("onboarding.skip")}
        </Link>
      </p>
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <form noValidate onSubmit={submit}>
        <ExperienceChoice legend={t("onboarding.experiencesLegend")} hint={t("onboarding.experiencesHint")} selected={experiences} onChange={setExperiences} />

        <fieldset aria-describedby={errors.size ? "languages-error" : undefined}>
          <legend>{t("onboarding.languagesLegend")}</legend>
          {errors.size ? (
            <p className="field-error" id="languages-error">
              {[...errors.values()][0]}
            </p>
          ) : null}
          <ul className="choice-list">
            {languageChoices.map((code) => (
              <li className="check" key={code}>
                <input
                  type="checkbox"
                  id={`language-${code}`}
                  checked={languages.includes(code)}
                  onChange={(event) => setLanguages(toggle(languages, code, event.target.checked))}
                />
                <label htmlFor={`language-${code}`} lang={code}>
                  {languageName(code, code)}
                  {code !== locale ? <span className="muted" lang={locale}>{` (${languageName(code, locale)})`}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        <AvailabilityChoice value={availability} onChange={setAvailability} />

        <div className="field">
          <label htmlFor="region">{t("onboarding.regionLabel")}</label>
          <p className="hint" id="region-hint">
            {t("onboarding.regionHint")}
          </p>
          <select id="region" aria-describedby="region-hint" value={region} onChange={(event) => setRegion(event.target.value)}>
            <option value="">{t("onboarding.regionNone")}</option>
            {regions.map((code) => (
              <option key={code} value={code}>
                {regionName(code, locale)}
              </option>
            ))}
          </select>
        </div>

        <div className="actions">
          <button type="submit" className="button">
            {busy ? t("onboarding.saving") : t("onboarding.save")}
          </button>
          <Link href={next} onClick={() => returnTo.forget()}>
            {t("onboarding.skip")}
          </Link>
        </div>
      </form>
    </Page>
  );
}
