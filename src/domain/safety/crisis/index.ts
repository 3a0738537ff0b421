/** Crisis-language detection: see docs/safety-detection.md. */
export { detectCrisis } from "./detect.js";
export type { CrisisFinding, CrisisLanguage, CrisisLevel } from "./types.js";
