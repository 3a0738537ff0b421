/** The composer: Enter sends, Shift+Enter starts a new line (both said in its hint). */
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { useT } from "../../i18n/I18nProvider";

const maxLength = 4000;

export function Composer({ onSend }: { onSend(body: string): void }) {
  const t = useT();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  function send() {
    const body = text.trim();
    if (!body) {
      setError(t("composer.empty"));
      return;
    }
    if ([...body].length > maxLength) {
      setError(t("composer.tooLong", { max: maxLength }));
      return;
    }
    setError(null);
    onSend(body);
    setText("");
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
          value={text}
          aria-describedby={error ? "composer-hint composer-error" : "composer-hint"}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
        />
      </div>
      <button type="submit" className="button">
        {t("composer.send")}
      </button>
    </form>
  );
}
