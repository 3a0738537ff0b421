/**
 * GOV.UK-style error summary: "There is a problem", a link to each field in error.
 * It takes focus when it appears (each failed submit), so the problem is heard at once.
 */
import { useEffect, useRef } from "react";
import { useT } from "../i18n/I18nProvider";
import type { FieldErrors } from "./form-errors";

export function ErrorSummary({ errors, attempt, general }: { errors: FieldErrors; attempt: number; general?: string | null }) {
  const box = useRef<HTMLDivElement>(null);
  const t = useT();

  useEffect(() => {
    if (errors.size > 0 || general) box.current?.focus();
    // Focus again on every failed attempt, even when the errors are the same.
  }, [errors, attempt, general]);

  if (errors.size === 0 && !general) return null;
  return (
    <div className="error-summary" ref={box} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("errors.summaryTitle")}</h2>
      {general ? <p>{general}</p> : null}
      {errors.size > 0 ? (
        <ul>
          {[...errors].map(([field, message]) => (
            <li key={field}>
              <a
                href={`#${field}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(field);
                  target?.focus();
                  target?.scrollIntoView({ block: "center" });
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
