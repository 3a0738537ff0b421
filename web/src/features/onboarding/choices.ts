/** Languages and regions offered in the profile, named in the member's own language by the browser. */

/** Languages a member can say they speak (ISO 639-1). The instance's default is English. */
export const languageChoices = ["en", "es", "fr", "de", "pt", "it", "nl", "pl", "ar", "zh", "hi", "tl", "vi", "ko", "ru", "uk"] as const;

export function languageName(code: string, displayLocale: string): string {
  try {
    return new Intl.DisplayNames([displayLocale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function regionName(code: string, displayLocale: string): string {
  try {
    return new Intl.DisplayNames([displayLocale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
