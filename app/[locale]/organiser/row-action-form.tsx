import type { ComponentProps, ReactNode } from "react";
import { HiddenFields } from "./hidden-fields";

// A one-button form that acts on one row of a list; its hidden fields say which row and what to do.
export function RowActionForm({
  action,
  fields,
  className,
  warning = false,
  disabled,
  label,
  children,
}: {
  action: ComponentProps<"form">["action"];
  fields: Record<string, string>;
  className?: string;
  // A change that cannot be undone (remove, delete) looks like one.
  warning?: boolean;
  disabled?: boolean;
  // The button's accessible name, when its text alone does not say which row it is for.
  label?: string;
  children: ReactNode;
}) {
  return (
    <form action={action} className={className}>
      <HiddenFields values={fields} />
      <button type="submit" className={`button ${warning ? "button-warning" : "button-secondary"} button-small`} disabled={disabled} aria-label={label}>
        {children}
      </button>
    </form>
  );
}
