/**
 * Turns what went wrong with a form into per-field messages, in the order the fields appear.
 * Server errors are mapped by `error.code` and `details.field`, never by message text.
 */
import { ApiError } from "../api/errors";
import type { Translate } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/locales";

/** Field id → message. A Map keeps the order in which errors were added. */
export type FieldErrors = Map<string, string>;

/** Messages for errors that belong to no single field. */
export function generalErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t("errors.unexpected");
  const key: Partial<Record<string, MessageKey>> = {
    NETWORK: "errors.network",
    RATE_LIMITED: "errors.rateLimited",
    UNAUTHENTICATED: "errors.signInAgain",
    INTERNAL: "errors.internal",
    UNAVAILABLE: "errors.internal",
    FORBIDDEN: "errors.forbidden",
  };
  if (error.code === "RATE_LIMITED" && error.retryAfterMs) {
    return t("errors.rateLimitedFor", { seconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) });
  }
  return t(key[error.code] ?? "errors.unexpected");
}
