/** Talk, listen, either or away, as radio buttons in a fieldset. */
import type { Availability } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/locales";

const options: Array<{ value: Availability; label: MessageKey; hint: MessageKey }> = [
  { value: "talk", label: "availability.talk", hint: "availability.talkHint" },
  { value: "listen", label: "availability.listen", hint: "availability.listenHint" },
  { value: "either", label: "availability.either", hint: "availability.eitherHint" },
  { value: "away", label: "availability.away", hint: "availability.awayHint" },
];

export function AvailabilityChoice({ value, onChange, legend }: { value: Availability; onChange(value: Availability): void; legend?: string }) {
  const t = useT();
  return (
    <fieldset>
      <legend>{legend ?? t("availability.legend")}</legend>
      <ul className="choice-list">
        {options.map((option) => (
          <li className="check" key={option.value}>
            <input
              type="radio"
              name="availability"
              id={`availability-${option.value}`}
              value={option.value}
              checked={value === option.value}
              aria-describedby={`availability-${option.value}-hint`}
              onChange={() => onChange(option.value)}
            />
            <span>
              <label htmlFor={`availability-${option.value}`}>{t(option.label)}</label>
              <span className="muted block" id={`availability-${option.value}-hint`}>
                {t(option.hint)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
