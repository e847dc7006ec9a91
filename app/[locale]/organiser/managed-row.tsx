import type { ReactNode } from "react";
import { invalidClass } from "@/app/components/form/field";

type DataAttributes = { [name: `data-${string}`]: string };

// One row of a list an owner manages (members, webhook endpoints): what it is, the error its last
// change met (on the row that change was about), and its forms.
export function ManagedRow({ errorId, error, actions, children, ...data }: { errorId: string; error: ReactNode; actions: ReactNode; children: ReactNode } & DataAttributes) {
  return (
    <li className={invalidClass("member", error)} {...data}>
      {children}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <div className="member-actions">{actions}</div>
    </li>
  );
}
