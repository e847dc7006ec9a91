import { useEffect, useRef } from "react";

// Moves the focus to the error summary whenever an answer brings one, so a screen reader reads it at once.
export function useSummaryFocus(shown: boolean, state: unknown) {
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) summaryRef.current?.focus();
  }, [state, shown]);
  return summaryRef;
}
