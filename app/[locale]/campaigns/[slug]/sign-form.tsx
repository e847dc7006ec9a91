"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/app/components/form/field";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { channelFromSearch } from "@/lib/campaigns/share-channels";
import { honeypotField, proofField, renderedAtField } from "@/lib/abuse/form-fields";
import { solveProof } from "@/lib/abuse/proof-of-work";
import { fieldErrors, signInputSchemaFor, type SignField } from "@/lib/signatures/schema";
import { signAction, type SignFormState } from "./actions";

const unchanging = () => () => undefined;
const initialState: SignFormState = { fields: {}, values: {} };
const fieldOrder: SignField[] = ["name", "email", "country", "postcode", "comment", "consent"];
// How long a submit waits for the proof of work still being computed before it goes without one
// (then, from a busy connection, the signature is held for review, and the signer is told so).
const proofWaitMs = 15_000;

type Proof = { email: string; nonce: Promise<string | null>; controller: AbortController };

type Props = {
  campaignSlug: string;
  locale: string;
  source: string | null;
  // Inside the embed, which shows its own "check your e-mail" page.
  embedded?: boolean;
  // Signed with the app secret (lib/abuse/form-guard.ts): a form without it is not from this page.
  formToken?: string;
  // ISO codes in the reader's alphabetical order (lib/countries.ts). The names come from the
  // platform's CLDR data where the form is rendered, so the page carries each name once, in its
  // HTML, and not again in the data that hydrates the form.
  countries: readonly string[];
};

export function SignForm({ campaignSlug, locale, source, embedded = false, formToken = "", countries }: Props) {
  const t = useTranslations("SignForm");
  const regionNames = useMemo(() => new Intl.DisplayNames([locale], { type: "region" }), [locale]);
  const abuse = useTranslations("SignFormAbuse");
  const privacy = useTranslations("PrivacyForm");
  // Without JavaScript the form posts to the server action; with it, to the signatures endpoint,
  // whose answer lands here.
  const [actionState, formAction, actionPending] = useActionState(signAction, initialState);
  const [answer, setAnswer] = useState<SignFormState | null>(null);
  const [sending, setSending] = useState(false);
  const state = answer ?? actionState;
  const pending = actionPending || sending;
  // The same rules as the server, checked first in the browser for instant feedback; a country
  // is one of the codes this form offers.
  const signInputSchema = useMemo(() => {
    const offered = new Set(countries);
    return signInputSchemaFor((code) => offered.has(code));
  }, [countries]);
  const { errors, errorFields, formError, summaryRef, onSubmit: checkFields } = useFieldErrors(state, fieldOrder, (data) => {
    const parsed = signInputSchema.safeParse(Object.fromEntries(data));
    return parsed.success ? null : fieldErrors(parsed.error);
  });

  // The proof of work for the address being typed, computed in the background while the rest of the
  // form is filled in (lib/abuse/proof-of-work.ts); most signers never need it, but it is ready for
  // those who sign from a busy shared connection. A new address starts it again.
  const proof = useRef<Proof | null>(null);
  const proofTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  function proofFor(email: string): Promise<string | null> | null {
    const address = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return null;
    if (proof.current?.email === address) return proof.current.nonce;
    proof.current?.controller.abort();
    const controller = new AbortController();
    const nonce = solveProof({ campaignSlug, email: address, signal: controller.signal }).catch(() => null);
    proof.current = { email: address, nonce, controller };
    return nonce;
  }
  function onEmailInput(value: string) {
    clearTimeout(proofTimer.current);
    proofTimer.current = setTimeout(() => proofFor(value), 400);
  }
  useEffect(
    () => () => {
      clearTimeout(proofTimer.current);
      proof.current?.controller.abort();
    },
    [],
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    checkFields(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    setSending(true);
    const fields: Record<string, unknown> = Object.fromEntries(new FormData(event.currentTarget));
    try {
      const pendingProof = proofFor(String(fields.email ?? ""));
      const nonce = pendingProof ? await Promise.race([pendingProof, new Promise<null>((resolve) => setTimeout(() => resolve(null), proofWaitMs))]) : null;
      if (nonce) fields[proofField] = nonce;
      const response = await fetch("/api/signatures", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(fields),
      });
      const body = (await response.json()) as { next?: string; fields?: SignFormState["fields"]; formError?: SignFormState["formError"] };
      if (response.ok && body.next) {
        window.location.assign(body.next);
        return;
      }
      setAnswer({ fields: body.fields ?? {}, formError: body.formError ?? (Object.keys(body.fields ?? {}).length ? undefined : "generic"), values: {} });
    } catch {
      setAnswer({ fields: {}, formError: "unavailable", values: {} });
    }
    setSending(false);
  }
  // The campaign page is the same for every visitor, so the share link's ?s= tag is read here.
  const search = useSyncExternalStore(unchanging, () => window.location.search, () => "");
  const sourceTag = source ?? channelFromSearch(search);

  const message = (field: SignField) =>
    errors[field] ? (errors[field] === "emailDisposable" ? abuse("errors.emailDisposable") : t(`errors.${errors[field]}` as "errors.generic")) : undefined;
  const value = (field: string) => state.values[field] ?? "";

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="sign-form" aria-describedby={errorFields.length || formError ? "sign-errors" : undefined}>
      <ErrorSummary
        id="sign-errors"
        summaryRef={summaryRef}
        heading={<h3>{t("errorSummary")}</h3>}
        formError={formError ? t(`errors.${formError}`) : null}
        problems={errorFields.map((field) => ({ key: field, href: `#${field}`, message: message(field) }))}
      />
      <input type="hidden" name="campaign" value={campaignSlug} />
      <input type="hidden" name="locale" value={locale} />
      {sourceTag ? <input type="hidden" name="source" value={sourceTag} /> : null}
      {embedded ? <input type="hidden" name="embed" value="1" /> : null}
      <input type="hidden" name={renderedAtField} value={state.values[renderedAtField] || formToken} />
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor={honeypotField}>{abuse("honeypot")}</label>
        <input id={honeypotField} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <TextField id="name" name="name" label={t("name")} hint={t("nameHint")} error={message("name")} autoComplete="name" maxLength={100} defaultValue={value("name")} />

      <TextField id="email" name="email" type="email" label={t("email")} hint={t("emailHint")} error={message("email")} dir="ltr" autoComplete="email" inputMode="email" spellCheck={false} maxLength={254} defaultValue={value("email")} onChange={(event) => onEmailInput(event.currentTarget.value)} />

      <SelectField id="country" name="country" label={t("country")} error={message("country")} autoComplete="country" defaultValue={value("country")}>
        <option value="">{t("chooseCountry")}</option>
        {countries.map((code) => (
          // A browser whose CLDR names a country differently keeps the server's name.
          <option key={code} value={code} suppressHydrationWarning>
            {regionNames.of(code) ?? code}
          </option>
        ))}
      </SelectField>

      <TextField id="postcode" name="postcode" label={t("postcode")} hint={t("postcodeHint")} error={message("postcode")} autoComplete="postal-code" maxLength={16} className="input-short" defaultValue={value("postcode")} />

      <TextAreaField id="comment" name="comment" label={t("comment")} hint={t("commentHint")} error={message("comment")} rows={3} maxLength={500} defaultValue={value("comment")} />

      <CheckboxField id="consent" name="consent" defaultChecked={value("consent") === "on"} label={t("consent")} hint={t("consentHint")} />

      <CheckboxField
        id="showPublicly"
        name="showPublicly"
        defaultChecked={value("showPublicly") === "on"}
        label={privacy("showPublicly")}
        hint={
          <>
            {privacy("showPubliclyHint")} <a href={`/${locale}/privacy`}>{privacy("privacyLink")}</a>
          </>
        }
      />

      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
