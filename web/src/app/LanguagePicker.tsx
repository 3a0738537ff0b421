/** Change the language; the choice is kept on this device. Native select: works with every assistive technology. */
import { useId } from "react";
import { useLocaleChoice, useT } from "../i18n/I18nProvider";
import { type Locale, locales } from "../i18n/locales";

/** Each language is named in itself, so anyone can find their own. */
const names: Record<Locale, string> = { en: "English", es: "Español" };

export function LanguagePicker() {
  const t = useT();
  const { locale, setLocale } = useLocaleChoice();
  const id = useId();
  return (
    <span className="language-picker">
      <label htmlFor={id}>{t("app.language")} </label>
      <select id={id} value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {names[code]}
          </option>
        ))}
      </select>
    </span>
  );
}
