"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";

type FormState<F extends string> = { fields: Partial<Record<F, unknown>>; formError?: unknown };

// A form's errors per field: the browser's own check (the server's rules, for instant feedback)
// until the server has answered, then the server's. The error summary takes the focus whenever
// there is something in it, so a screen reader hears it at once.
export function useFieldErrors<F extends string, S extends FormState<F>>(
  state: S,
  fieldOrder: readonly F[],
  // The errors the browser finds in what is about to be sent, or null when it finds none.
  check: (data: FormData) => S["fields"] | null,
) {
  const [clientErrors, setClientErrors] = useState<S["fields"] | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors: S["fields"] = clientErrors ?? state.fields;
  const errorFields = fieldOrder.filter((field) => errors[field]);
  const formError: S["formError"] | undefined = clientErrors ? undefined : state.formError;

  useEffect(() => {
    if (errorFields.length > 0 || formError) summaryRef.current?.focus();
  }, [state, clientErrors, errorFields.length, formError]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const found = check(new FormData(event.currentTarget));
    if (found) event.preventDefault();
    setClientErrors(found);
  }

  return { errors, errorFields, formError, clientErrors, summaryRef, onSubmit };
}
