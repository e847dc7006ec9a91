import type { ReactNode } from "react";

// A checkbox with its label and, below them, the hint it is described by.
export function CheckboxField(props: { id: string; name: string; defaultChecked: boolean; label: ReactNode; hintId: string; hint: ReactNode }) {
  return (
    <div className="field field-checkbox">
      <input id={props.id} type="checkbox" name={props.name} defaultChecked={props.defaultChecked} aria-describedby={props.hintId} />
      <label htmlFor={props.id}>{props.label}</label>
      <p className="hint" id={props.hintId}>
        {props.hint}
      </p>
    </div>
  );
}
