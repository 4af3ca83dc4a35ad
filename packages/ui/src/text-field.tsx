import { type InputHTMLAttributes, useId } from "react";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string | null;
  code?: boolean;
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({ label, hint, error, code = false, id, className = "", ...rest }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className="ml-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className={`ml-input ${code ? "ml-input-code" : ""} ${className}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...rest}
      />
      {hint ? (
        <span id={hintId} className="ml-field-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="ml-field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
