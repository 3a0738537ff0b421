/** The languages a room can be held in, offered in the directory filter and the create form. */
export const roomLanguages = ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "ar", "zh", "hi", "ja"] as const;

/** A language's own name in the member's language ("Spanish" / "español"). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
