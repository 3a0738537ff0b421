/**
 * A labelled text input with an optional hint and an error message beside it, both tied to
 * the input with aria-describedby. What the member typed is always kept by the caller's state.
 */
import type { InputHTMLAttributes, ReactNode } from "react";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "onChange" | "value"> {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string;
  /** Extra controls after the input (the password show/hide button). */
  after?: ReactNode;
  /** More text tied to the input, such as the live password hint. */
  extraDescriptionId?: string;
}

export function TextField({ id, label, value, onChange, hint, error, after, extraDescriptionId, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, extraDescriptionId].filter(Boolean).join(" ") || undefined;
  const control = (
    <input
      {...input}
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    />
  );
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {after ? (
        <div className="password-row">
          {control}
          {after}
        </div>
      ) : (
        control
      )}
    </div>
  );
}
