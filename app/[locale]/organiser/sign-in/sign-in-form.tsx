"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { organiserEmailSchema } from "@/lib/auth/organiser-email";
import { requestSignInAction, type SignInErrorKey, type SignInFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextField } from "@/app/components/form/field";

const initialState: SignInFormState = { fields: {}, values: { email: "" } };

export function SignInForm({ locale, next }: { locale: string; next: string | null }) {
  const t = useTranslations("OrganiserAuth");
  const [state, formAction, pending] = useActionState(requestSignInAction, initialState);
  const [clientError, setClientError] = useState<SignInErrorKey | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const emailError = clientError ?? state.fields.email;
  const formError = clientError ? undefined : state.formError;

  useEffect(() => {
    if (emailError || formError) summaryRef.current?.focus();
  }, [state, clientError, emailError, formError]);

  // The server's rule, checked first in the browser for instant feedback.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = organiserEmailSchema.safeParse(new FormData(event.currentTarget).get("email") ?? "");
    if (parsed.success) return setClientError(null);
    event.preventDefault();
    setClientError(parsed.error.issues[0]?.message === "emailRequired" ? "emailRequired" : "emailInvalid");
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="sign-form organiser-form">
      <ErrorSummary
        id="sign-in-errors"
        summaryRef={summaryRef}
        heading={<h2 className="error-summary-title">{t("errorSummary")}</h2>}
        formError={formError ? t(`errors.${formError}`) : null}
        problems={emailError ? [{ key: "email", href: "#email", message: t(`errors.${emailError}`) }] : []}
      />
      <input type="hidden" name="locale" value={locale} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        id="email"
        name="email"
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        error={emailError ? t(`errors.${emailError}`) : undefined}
        dir="ltr"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        maxLength={254}
        defaultValue={state.values.email}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
