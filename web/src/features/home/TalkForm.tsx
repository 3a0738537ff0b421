/**
 * "I'd like to talk" (POST /api/v1/match-requests): shared experiences or anyone, one to one
 * or a small group, and an optional note. Matched at once → straight into the conversation.
 */
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { MatchRequest } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { type FieldErrors, generalErrorMessage } from "../../ui/form-errors";
import { useMe } from "../auth/session";
import { ExperienceChoice } from "../onboarding/ExperienceChoice";

const noteMax = 280;

export function TalkForm({ onWaiting }: { onWaiting(request: MatchRequest): void }) {
  const t = useT();
  const me = useMe();
  const [, navigate] = useLocation();
  const [experiences, setExperiences] = useState<string[]>(me.data?.experiences ?? []);
  const [anyone, setAnyone] = useState(false);
  const [mode, setMode] = useState<"one-to-one" | "group">("one-to-one");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const firstExperienceId = "talk-anyone";

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setGeneral(null);
    const found: FieldErrors = new Map();
    if (!anyone && experiences.length === 0) found.set(firstExperienceId, t("talk.errors.experiences"));
    if ([...note.trim()].length > noteMax) found.set("talk-note", t("talk.errors.noteLong", { max: noteMax }));
    setErrors(found);
    if (found.size > 0) return;
    setBusy(true);
    try {
      const { request } = await api.askToTalk({ experiences: anyone ? [] : experiences, mode, anyone, note: note.trim() || undefined });
      if (request.status === "matched" && request.conversationId) navigate(`/conversations/${encodeURIComponent(request.conversationId)}`);
      else onWaiting(request);
    } catch (error) {
      if (error instanceof ApiError && error.code === "BAD_REQUEST" && error.field === "experiences") {
        setErrors(new Map([[firstExperienceId, t("talk.errors.experiences")]]));
      } else if (error instanceof ApiError && error.code === "BAD_REQUEST" && error.field === "note") {
        setErrors(new Map([["talk-note", t("talk.errors.noteLong", { max: noteMax })]]));
      } else setGeneral(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="talk-title">
      <h2 id="talk-title">{t("talk.title")}</h2>
      <p>{t("talk.intro")}</p>
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <form noValidate onSubmit={submit}>
        <div className={errors.has(firstExperienceId) ? "field has-error" : "field"}>
          {errors.has(firstExperienceId) ? (
            <p className="field-error" id="talk-experiences-error">
              {errors.get(firstExperienceId)}
            </p>
          ) : null}
          <div className="check">
            <input
              type="checkbox"
              id={firstExperienceId}
              checked={anyone}
              aria-describedby={errors.has(firstExperienceId) ? "talk-experiences-error talk-anyone-hint" : "talk-anyone-hint"}
              onChange={(event) => setAnyone(event.target.checked)}
            />
            <span>
              <label htmlFor={firstExperienceId}>{t("talk.anyone")}</label>
              <span className="muted block" id="talk-anyone-hint">
                {t("talk.anyoneHint")}
              </span>
            </span>
          </div>
          {anyone ? null : (
            <details className="choices" open={errors.has(firstExperienceId) ? true : undefined}>
              <summary>{t("talk.experiencesSummary", { count: experiences.length })}</summary>
              <ExperienceChoice
                legend={t("talk.experiencesLegend")}
                hint={t("talk.experiencesHint")}
                selected={experiences}
                onChange={setExperiences}
                idPrefix="talk-experience"
              />
            </details>
          )}
        </div>

        <fieldset>
          <legend>{t("talk.modeLegend")}</legend>
          <div className="check">
            <input type="radio" id="mode-one" name="mode" checked={mode === "one-to-one"} onChange={() => setMode("one-to-one")} />
            <label htmlFor="mode-one">{t("talk.modeOne")}</label>
          </div>
          <div className="check">
            <input type="radio" id="mode-group" name="mode" checked={mode === "group"} onChange={() => setMode("group")} />
            <label htmlFor="mode-group">{t("talk.modeGroup")}</label>
          </div>
        </fieldset>

        <div className={errors.has("talk-note") ? "field has-error" : "field"}>
          <label htmlFor="talk-note">{t("talk.note")}</label>
          <p className="hint" id="talk-note-hint">
            {t("talk.noteHint", { max: noteMax })}
          </p>
          {errors.has("talk-note") ? (
            <p className="field-error" id="talk-note-error">
              {errors.get("talk-note")}
            </p>
          ) : null}
          <textarea
            id="talk-note"
            value={note}
            rows={3}
            aria-describedby={errors.has("talk-note") ? "talk-note-hint talk-note-error" : "talk-note-hint"}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {busy ? t("talk.submitting") : t("talk.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
