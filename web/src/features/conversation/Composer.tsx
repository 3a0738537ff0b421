/**
 * The composer: Enter sends, Shift+Enter starts a new line (both said in its hint). What is
 * typed is kept as this conversation's draft across reloads; typing tells the others (at most
 * every 3 s, by the socket store); an optional content warning goes with the message.
 */
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { useT } from "../../i18n/I18nProvider";
import { useDraft } from "./drafts";

const maxLength = 4000;
const maxWarningLength = 200;

export function Composer({
  conversationId,
  onSend,
  onTyping,
}: {
  conversationId: string;
  onSend(body: string, contentWarning?: string): void;
  onTyping(): void;
}) {
  const t = useT();
  const [draft, setDraft] = useDraft(conversationId);
  const [warningOpen, setWarningOpen] = useState(draft.contentWarning !== "");
  const [error, setError] = useState<string | null>(null);

  function send() {
    const body = draft.body.trim();
    const warning = warningOpen ? draft.contentWarning.trim() : "";
    if (!body) {
      setError(t("composer.empty"));
      return;
    }
    if ([...body].length > maxLength) {
      setError(t("composer.tooLong", { max: maxLength }));
      return;
    }
    if (warning.length > maxWarningLength) {
      setError(t("composer.warningTooLong", { max: maxWarningLength }));
      return;
    }
    setError(null);
    onSend(body, warning || undefined);
    setDraft({ body: "", contentWarning: "" });
    setWarningOpen(false);
  }

  return (
    <form
      className="composer"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        send();
      }}
    >
      {warningOpen ? (
        <div className="field">
          <label htmlFor="composer-warning">{t("composer.warningLabel")}</label>
          <p className="hint" id="composer-warning-hint">
            {t("composer.warningHint")}
          </p>
          <input
            id="composer-warning"
            type="text"
            maxLength={maxWarningLength}
            value={draft.contentWarning}
            aria-describedby="composer-warning-hint"
            onChange={(event) => setDraft({ ...draft, contentWarning: event.target.value })}
          />
        </div>
      ) : null}
      <div className={error ? "field has-error" : "field"}>
        <label htmlFor="composer">{t("composer.label")}</label>
        <p className="hint" id="composer-hint">
          {t("composer.hint")}
        </p>
        {error ? (
          <p className="field-error" id="composer-error">
            {error}
          </p>
        ) : null}
        <textarea
          id="composer"
          rows={3}
          value={draft.body}
          aria-describedby={error ? "composer-hint composer-error" : "composer-hint"}
          onChange={(event) => {
            setDraft({ ...draft, body: event.target.value });
            if (event.target.value.trim()) onTyping();
          }}
          onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
        />
      </div>
      <div className="actions composer-actions">
        <button type="submit" className="button">
          {t("composer.send")}
        </button>
        <button
          type="button"
          className="button link"
          aria-expanded={warningOpen}
          onClick={() => {
            if (warningOpen) setDraft({ ...draft, contentWarning: "" });
            setWarningOpen(!warningOpen);
          }}
        >
          {warningOpen ? t("composer.warningRemove") : t("composer.warningAdd")}
        </button>
      </div>
    </form>
  );
}
