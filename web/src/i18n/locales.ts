/**
 * Which language to show: the member's own choice if they made one on this device,
 * otherwise the first of the browser's languages that Kindred speaks, otherwise English.
 */
import type en from "./en.json";

export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const storageKey = "kindred.locale";

function isLocale(value: string | null | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? "");
}

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(storageKey);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be off (private windows): the browser's languages still decide.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not kept across visits, but still used now.
  }
}

/** Each catalogue is its own chunk, so a page loads only the language it shows. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const module = locale === "es" ? await import("./es.json") : await import("./en.json");
  return module.default as Messages;
}
