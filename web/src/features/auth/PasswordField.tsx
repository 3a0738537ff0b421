/**
 * A password box with show/hide and a hint that follows what is typed (paste allowed).
 * The hint is tied to the box with aria-describedby rather than announced on every key.
 */
import { useState } from "react";
import { useT } from "../../i18n/I18nProvider";
import { TextField } from "../../ui/TextField";

export const minPasswordLength = 10;

export function PasswordField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  autoComplete: "new-password" | "current-password";
  /** Show the live length hint (for new passwords). */
  guide?: boolean;
}) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const length = [...props.value].length;
  const missing = Math.max(0, minPasswordLength - length);
  const guideId = `${props.id}-guide`;
  return (
    <>
      <TextField
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={props.onChange}
        error={props.error}
        type={shown ? "text" : "password"}
        autoComplete={props.autoComplete}
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        hint={props.guide ? t("password.hint", { min: minPasswordLength }) : undefined}
        extraDescriptionId={props.guide ? guideId : undefined}
        after={
          <button type="button" className="button secondary" aria-pressed={shown} onClick={() => setShown(!shown)}>
            {t("password.show")}
          </button>
        }
      />
      {props.guide ? (
        <p id={guideId} className="hint password-guide">
          {length === 0 ? "" : missing > 0 ? t("password.moreNeeded", { count: missing }) : t("password.longEnough")}
        </p>
      ) : null}
    </>
  );
}
