import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// What a field says about itself: its control's id (the hint and error ids derive from it), and
// the hint and the error message when there are any.
type FieldProps = { id: string; label: ReactNode; hint?: ReactNode; error?: ReactNode; className?: string };

// The ids a field's control is described by: its hint, then its error.
function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

// The attributes a field's control carries so a screen reader hears the hint and the error.
function controlProps(id: string, field: { hint?: unknown; error?: unknown }) {
  return { id, "aria-invalid": Boolean(field.error), "aria-describedby": describedBy(id, field) };
}

function fieldClass(error: unknown, className?: string): string {
  return ["field", className, error ? "field-invalid" : null].filter(Boolean).join(" ");
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

// One field of a form: label, hint, error, then the control, marked invalid as a whole when it
// has an error (a bar on the reading side, GOV.UK's pattern).
function Field({ id, label, hint, error, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={fieldClass(error, className)}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

// The controls' own attributes pass through (a className is the control's); fieldClassName is
// the wrapper's.
type Native<T> = Omit<T, "id" | "aria-invalid" | "aria-describedby">;
type ControlFieldProps = Omit<FieldProps, "className"> & { fieldClassName?: string };

export function TextField({ id, label, hint, error, fieldClassName, ...input }: ControlFieldProps & Native<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <input type="text" {...input} {...controlProps(id, { hint, error })} />
    </Field>
  );
}

export function TextAreaField({ id, label, hint, error, fieldClassName, ...textarea }: ControlFieldProps & Native<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <textarea {...textarea} {...controlProps(id, { hint, error })} />
    </Field>
  );
}

export function SelectField({ id, label, hint, error, fieldClassName, children, ...select }: ControlFieldProps & Native<SelectHTMLAttributes<HTMLSelectElement>>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <select {...select} {...controlProps(id, { hint, error })}>
        {children}
      </select>
    </Field>
  );
}
