/**
 * Date of birth as three numeric boxes (day, month, year) in a fieldset with a legend,
 * the GOV.UK pattern for dates people know by heart. No date picker.
 */
import { useT } from "../../i18n/I18nProvider";

export interface BirthDate {
  day: string;
  month: string;
  year: string;
}

export const emptyBirthDate: BirthDate = { day: "", month: "", year: "" };

/** "YYYY-MM-DD" when the three boxes make a real calendar date, otherwise null. */
export function toIsoDate({ day, month, year }: BirthDate): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function BirthDateField({ value, onChange, error }: { value: BirthDate; onChange(value: BirthDate): void; error?: string }) {
  const t = useT();
  const parts = [
    { key: "day", label: t("birthDate.day"), autoComplete: "bday-day", maxLength: 2 },
    { key: "month", label: t("birthDate.month"), autoComplete: "bday-month", maxLength: 2 },
    { key: "year", label: t("birthDate.year"), autoComplete: "bday-year", maxLength: 4 },
  ] as const;
  return (
    <div className={error ? "field has-error" : "field"}>
      <fieldset aria-describedby={error ? "birth-date-hint birth-date-error" : "birth-date-hint"} role="group">
        <legend>{t("birthDate.legend")}</legend>
        <p className="hint" id="birth-date-hint">
          {t("birthDate.hint")}
        </p>
        {error ? (
          <p className="field-error" id="birth-date-error">
            {error}
          </p>
        ) : null}
        <div className="date-inputs">
          {parts.map((part) => (
            <div className={`field ${part.key}`} key={part.key}>
              <label htmlFor={`birth-${part.key}`}>{part.label}</label>
              <input
                id={`birth-${part.key}`}
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete={part.autoComplete}
                maxLength={part.maxLength}
                value={value[part.key]}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
