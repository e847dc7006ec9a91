import type { FieldsetHTMLAttributes, InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// What a field says about itself: its control's id (the hint and error ids derive from it), and
// the hint and the error message when there are any.
type FieldProps = { id: string; label: ReactNode; hint?: ReactNode; error?: ReactNode; className?: string };

// The class of whatever holds an error (a field, a group, a row of a list): a bar on the reading
// side, GOV.UK's pattern.
export function invalidClass(className: string, error: unknown): string {
  return error ? `${className} field-invalid` : className;
}

// The ids a control is described by: what it is told beside the field (a warning), its hint, then its error.
function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }, also?: string): string | undefined {
  return [also, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

// The attributes a field's control carries so a screen reader hears the hint and the error.
function controlProps(id: string, field: { hint?: unknown; error?: unknown }, also?: string) {
  return { id, "aria-invalid": Boolean(field.error), "aria-describedby": describedBy(id, field, also) };
}

function fieldClass(error: unknown, className?: string): string {
  return invalidClass(className ? `field ${className}` : "field", error);
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: ReactNode }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

// One field of a form: label, hint, error, then the control, marked invalid as a whole when it
// has an error.
function Field({ id, label, hint, error, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={fieldClass(error, className)}>
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
      {children}
    </div>
  );
}

// The controls' own attributes pass through (a className is the control's); fieldClassName is
// the wrapper's.
type Native<T> = Omit<T, "id" | "aria-invalid" | "aria-describedby">;
type ControlFieldProps = Omit<FieldProps, "className"> & { fieldClassName?: string };

// Any one-line input: text, e-mail, URL, search, number, date, file.
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

// A checkbox that stands alone: its error above, then the box beside its label, the hint below
// them. aria-describedby names text outside the field that the box is also described by.
export function CheckboxField({ id, label, hint, error, "aria-describedby": also, ...input }: Omit<FieldProps, "className"> & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "aria-invalid">) {
  return (
    <div className={fieldClass(error, "field-checkbox")}>
      <ErrorText id={id} error={error} />
      <input type="checkbox" {...input} {...controlProps(id, { hint, error }, also)} />
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
    </div>
  );
}

// A group of controls under a legend (choices, rows of fields), with a hint and an error for the
// group as a whole; id is the group's, and its hint and error ids derive from it.
export function FieldGroup({ id, legend, hint, error, className, children, ...fieldset }: Omit<FieldProps, "label"> & { legend: ReactNode; children: ReactNode } & Native<FieldsetHTMLAttributes<HTMLFieldSetElement>>) {
  return (
    <fieldset {...fieldset} id={id} className={fieldClass(error, className)} aria-describedby={describedBy(id, { hint, error })}>
      <legend>{legend}</legend>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
      {children}
    </fieldset>
  );
}

// One choice in a group: a checkbox or a radio button, its label, and below them what choosing it means.
export function Choice({ id, label, hint, ...input }: { id: string; label: ReactNode; hint?: ReactNode; type: "checkbox" | "radio" } & Native<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <div className={input.type === "radio" ? "field-radio" : "field-checkbox"}>
      <input {...input} id={id} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
    </div>
  );
}
