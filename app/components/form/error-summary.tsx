import type { ReactNode, Ref } from "react";

export type SummaryProblem = { key: string; message: ReactNode; href?: string };

// A form's error summary: the form-wide refusal first, then each field's problem linking to the
// field. With summaryRef the form moves the focus to it (useSummaryFocus, useFieldErrors);
// the moderation forms, answered by a full page, show it without announcing it.
export function ErrorSummary({
  id,
  heading,
  formError,
  problems,
  summaryRef,
  announce = true,
}: {
  id?: string;
  heading: ReactNode;
  formError?: ReactNode;
  problems: SummaryProblem[];
  summaryRef?: Ref<HTMLDivElement>;
  announce?: boolean;
}) {
  if (!formError && problems.length === 0) return null;
  return (
    <div className="error-summary" id={id} role={announce ? "alert" : undefined} tabIndex={summaryRef ? -1 : undefined} ref={summaryRef}>
      {heading}
      <ul>
        {formError ? <li>{formError}</li> : null}
        {problems.map((problem) => (
          <li key={problem.key}>{problem.href ? <a href={problem.href}>{problem.message}</a> : problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
