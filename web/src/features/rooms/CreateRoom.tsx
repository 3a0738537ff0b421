/**
 * Open a room (POST /api/v1/conversations, kind "group"): a title, a topic, the experiences it is
 * for, its language, public (in the directory) or by invite only, an optional agreement of its
 * own, and an optional weekly time (weekday, time, time zone — the browser's by default). The
 * member who opens it is its facilitator. Errors follow the GOV.UK pattern.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { Weekday } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { Page } from "../../ui/Page";
import { TextField } from "../../ui/TextField";
import { type FieldErrors, generalErrorMessage } from "../../ui/form-errors";
import { ExperienceChoice } from "../onboarding/ExperienceChoice";
import { languageName, roomLanguages } from "./room-languages";
import { browserTimeZone, timeZones, weekdayName, weekdays } from "./schedule-text";

const limits = { title: 80, topic: 500, agreement: 2000 };
/** Server field → the form's control, for BAD_REQUEST answers. */
const fieldIds: Record<string, string> = {
  title: "room-title-input",
  topic: "room-topic",
  agreement: "room-agreement",
  schedule: "room-time",
  language: "room-language",
};

export default function CreateRoom() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [topic, setTopic] = useState("");
  const [experiences, setExperiences] = useState<string[]>([]);
  const [language, setLanguage] = useState<string>(locale);
  const [visibility, setVisibility] = useState<"public" | "invite">("public");
  const [agreement, setAgreement] = useState("");
  const [weekly, setWeekly] = useState(false);
  const [weekday, setWeekday] = useState<Weekday>("monday");
  const [time, setTime] = useState("19:00");
  const [timeZone, setTimeZone] = useState(browserTimeZone);
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
    if (!title.trim()) found.set(fieldIds.title!, t("createRoom.errors.title"));
    else if (title.trim().length > limits.title) found.set(fieldIds.title!, t("createRoom.errors.titleLong", { max: limits.title }));
    if (topic.trim().length > limits.topic) found.set(fieldIds.topic!, t("createRoom.errors.topicLong", { max: limits.topic }));
    if (agreement.trim().length > limits.agreement) found.set(fieldIds.agreement!, t("createRoom.errors.agreementLong", { max: limits.agreement }));
    if (weekly && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) found.set(fieldIds.schedule!, t("createRoom.errors.time"));
    setErrors(found);
    if (found.size > 0) return;
    setBusy(true);
    try {
      const { conversation } = await api.createRoom({
        kind: "group",
        title: title.trim(),
        topic: topic.trim() || undefined,
        experiences,
        visibility,
        language,
        agreement: agreement.trim() || undefined,
        schedule: weekly ? { weekday, time, timeZone } : undefined,
      });
      await queryClient.invalidateQueries({ queryKey: ["conversations"] });
      navigate(`/conversations/${encodeURIComponent(conversation.id)}`);
    } catch (error) {
      const field = error instanceof ApiError && error.code === "BAD_REQUEST" ? error.field?.split(".")[0] : undefined;
      if (field && fieldIds[field]) setErrors(new Map([[fieldIds[field]!, t("createRoom.errors.field")]]));
      else setGeneral(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("createRoom.title")}>
      <p>{t("createRoom.intro")}</p>
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <form noValidate onSubmit={submit}>
        <TextField
          id={fieldIds.title!}
          label={t("createRoom.name")}
          hint={t("createRoom.nameHint")}
          value={title}
          onChange={setTitle}
          error={errors.get(fieldIds.title!)}
          maxLength={limits.title}
        />
        <div className={errors.has(fieldIds.topic!) ? "field has-error" : "field"}>
          <label htmlFor={fieldIds.topic}>{t("createRoom.topic")}</label>
          <p className="hint" id="room-topic-hint">
            {t("createRoom.topicHint")}
          </p>
          {errors.has(fieldIds.topic!) ? (
            <p className="field-error" id="room-topic-error">
              {errors.get(fieldIds.topic!)}
            </p>
          ) : null}
          <textarea
            id={fieldIds.topic}
            rows={3}
            value={topic}
            onChange={(event) => setTopic(event.target.value)}
            aria-describedby={errors.has(fieldIds.topic!) ? "room-topic-hint room-topic-error" : "room-topic-hint"}
          />
        </div>
        <ExperienceChoice
          legend={t("createRoom.experiences")}
          hint={t("createRoom.experiencesHint")}
          selected={experiences}
          onChange={setExperiences}
          idPrefix="room-experience"
        />
        <div className="field">
          <label htmlFor={fieldIds.language}>{t("createRoom.language")}</label>
          <select id={fieldIds.language} value={language} onChange={(event) => setLanguage(event.target.value)}>
            {roomLanguages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, locale)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t("createRoom.visibility")}</legend>
          <div className="check">
            <input
              type="radio"
              id="room-public"
              name="visibility"
              checked={visibility === "public"}
              onChange={() => setVisibility("public")}
              aria-describedby="room-public-hint"
            />
            <span>
              <label htmlFor="room-public">{t("createRoom.public")}</label>
              <span className="muted block" id="room-public-hint">
                {t("createRoom.publicHint")}
              </span>
            </span>
          </div>
          <div className="check">
            <input
              type="radio"
              id="room-invite"
              name="visibility"
              checked={visibility === "invite"}
              onChange={() => setVisibility("invite")}
              aria-describedby="room-invite-hint"
            />
            <span>
              <label htmlFor="room-invite">{t("createRoom.invite")}</label>
              <span className="muted block" id="room-invite-hint">
                {t("createRoom.inviteHint")}
              </span>
            </span>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("createRoom.schedule")}</legend>
          <div className="check">
            <input type="checkbox" id="room-weekly" checked={weekly} onChange={(event) => setWeekly(event.target.checked)} />
            <label htmlFor="room-weekly">{t("createRoom.weekly")}</label>
          </div>
          {weekly ? (
            <div className="schedule-fields">
              <div className="field">
                <label htmlFor="room-weekday">{t("createRoom.weekday")}</label>
                <select id="room-weekday" value={weekday} onChange={(event) => setWeekday(event.target.value as Weekday)}>
                  {weekdays.map((day) => (
                    <option key={day} value={day}>
                      {weekdayName(day, locale)}
                    </option>
                  ))}
                </select>
              </div>
              <TextField
                id={fieldIds.schedule!}
                type="time"
                label={t("createRoom.time")}
                value={time}
                onChange={setTime}
                error={errors.get(fieldIds.schedule!)}
              />
              <div className="field">
                <label htmlFor="room-timezone">{t("createRoom.timeZone")}</label>
                <p className="hint" id="room-timezone-hint">
                  {t("createRoom.timeZoneHint")}
                </p>
                <select id="room-timezone" value={timeZone} aria-describedby="room-timezone-hint" onChange={(event) => setTimeZone(event.target.value)}>
                  {timeZones(timeZone).map((zone) => (
                    <option key={zone} value={zone}>
                      {zone}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ) : null}
        </fieldset>
        <div className={errors.has(fieldIds.agreement!) ? "field has-error" : "field"}>
          <label htmlFor={fieldIds.agreement}>{t("createRoom.agreement")}</label>
          <p className="hint" id="room-agreement-hint">
            {t("createRoom.agreementHint")}
          </p>
          {errors.has(fieldIds.agreement!) ? (
            <p className="field-error" id="room-agreement-error">
              {errors.get(fieldIds.agreement!)}
            </p>
          ) : null}
          <textarea
            id={fieldIds.agreement}
            rows={4}
            value={agreement}
            onChange={(event) => setAgreement(event.target.value)}
            aria-describedby={errors.has(fieldIds.agreement!) ? "room-agreement-hint room-agreement-error" : "room-agreement-hint"}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {busy ? t("createRoom.creating") : t("createRoom.submit")}
          </button>
        </div>
      </form>
    </Page>
  );
}
