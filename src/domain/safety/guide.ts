/**
 * "When someone is struggling": a short guide for peers (product.md "Safety
 * that fits the values"), in content/guide.md and content/guide.es.md so the
 * organization can make it its own. Read once at start; a missing file stops
 * the server rather than leaving members without it.
 */
import { readFileSync } from "node:fs";
import type { GuideLanguage } from "../../protocol/rest/support.js";

const files: Record<GuideLanguage, URL> = {
  en: new URL("../../../content/guide.md", import.meta.url),
  es: new URL("../../../content/guide.es.md", import.meta.url),
};

export type Guides = Record<GuideLanguage, string>;

export function loadGuides(): Guides {
  return { en: readFileSync(files.en, "utf8"), es: readFileSync(files.es, "utf8") };
}
