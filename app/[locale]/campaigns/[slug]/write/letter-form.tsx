"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { EnteredText } from "@/app/components/entered-text";
import { CheckboxField, Choice, FieldGroup, TextAreaField, TextField } from "@/app/components/form/field";
import { direction, type Locale } from "@/lib/i18n/locales";
import { letterFieldErrors, letterInputSchema, personalMaxLength, personalMinLength, type LetterField } from "@/lib/letters/schema";
import { writeLetterAction, type LetterFormState } from "./actions";

const initialState: LetterFormState = { fields: {}, values: {} };
const fieldOrder: LetterField[] = ["recipient", "acknowledgeRisk", "name", "body", "personal"];

// An e-mail address inside a sentence of either direction keeps its own left-to-right order.
const isolatedAddress = (chunks: ReactNode) => (
  <bdi dir="ltr" lang="en">
    {chunks}
  </bdi>
);

// A recipient's name inside a sentence, isolated: marked with its language when the directory
// has it only in another than the page's, else marked English when it is in Latin letters.
function RecipientName({ name, nameLocale, locale }: { name: string; nameLocale?: Locale; locale: string }) {
  return nameLocale && nameLocale !== locale ? (
    <bdi lang={nameLocale} dir={direction(nameLocale)}>
      {name}
    </bdi>
  ) : (
    <EnteredText text={name} />
  );
}

const enteredName = (name: string, nameLocale: Locale | undefined, locale: string) =>
  function EnteredRecipientName() {
    return <RecipientName name={name} nameLocale={nameLocale} locale={locale} />;
  };

export type RecipientOption = {
  id: string;
  // In the page's language where the directory has it, else in the one it has.
  name: string;
  nameLocale: Locale;
  detail: ReactNode;
  // Marked by organisers: writing to them may put the writer at risk.
  risk: boolean;
  // When this signer already wrote to them (one letter each), as the page shows it.
  writtenOn: string | null;
};

type Props = {
  campaignSlug: string;
  locale: string;
  // The language of the campaign's letter offered: the page's when it is written in it.
  letterLocale: Locale;
  // Present only when the supporter may send through Nida.
  token: string | null;
  senderEmail: string | null;
  letterKey: string;
  recipients: RecipientOption[];
  // Never one marked as a risk, nor one already written to; may be none.
  preselected: string | null;
  privacyHref: string;
  defaults: { name: string; body: string };
  templates: string[];
};

export function LetterForm({ campaignSlug, locale, letterLocale, token, senderEmail, letterKey, recipients, preselected, privacyHref, defaults, templates }: Props) {
  const t = useTranslations("LetterForm");
  const [state, formAction, pending] = useActionState(writeLetterAction, initialState);
  const value = (field: string, fallback: string) => (field in state.values ? state.values[field]! : fallback);
  const [selected, setSelected] = useState(value("recipient", preselected ?? ""));
  const risky = recipients.find((recipient) => recipient.id === selected && recipient.risk) ?? null;
  // The server's rules, checked first in the browser for instant feedback.
  const { errors, errorFields, formError, clientErrors, summaryRef, onSubmit } = useFieldErrors(state, fieldOrder, (data) => {
    const parsed = letterInputSchema(templates).safeParse(Object.fromEntries(data));
    const found = parsed.success ? {} : letterFieldErrors(parsed.error);
    if (risky && !data.get("acknowledgeRisk")) found.acknowledgeRisk = "riskNotAcknowledged";
    return Object.keys(found).length > 0 ? found : null;
  });
  const resultRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // On a slow connection a writer may choose before this script arrives: their choice stands,
  // and the warning for a marked recipient appears as soon as the page can show it.
  useEffect(() => {
    const chosen = formRef.current?.querySelector<HTMLInputElement>('input[name="recipient"]:checked');
    if (chosen) setSelected(chosen.value);
  }, []);

  useEffect(() => {
    if (errorFields.length === 0 && !formError && (state.sent || state.mailto)) resultRef.current?.focus();
  }, [state, clientErrors, errorFields.length, formError]);

  const message = (field: LetterField) => t(`errors.${errors[field]}` as "errors.generic");
  const at = (field: LetterField) => ({ id: `letter-${field}`, name: field, error: errors[field] ? message(field) : undefined });
  const firstOpen = recipients.find((recipient) => !recipient.writtenOn)?.id ?? recipients[0]?.id ?? "";
  const ticked = (field: "replyToMe" | "copyToMe" | "acknowledgeRisk") => value(field, "") === "yes";

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="sign-form letter-form" aria-describedby={errorFields.length || formError ? "letter-errors" : undefined}>
      {errorFields.length > 0 || formError ? (
        <div className="error-summary" id="letter-errors" role="alert" tabIndex={-1} ref={summaryRef}>
          <h3>{t("errorSummary")}</h3>
          <ul>
            {formError ? <li>{t(`errors.${formError}`)}</li> : null}
            {errorFields.map((field) => (
              <li key={field}>
                <a href={field === "recipient" ? `#recipient-${selected || firstOpen}` : `#letter-${field}`}>{message(field)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!clientErrors && state.sent ? (
        <div className="notice notice-success" role="status" tabIndex={-1} ref={resultRef}>
          <p>
            {t.rich("sent", { name: state.sent.recipientName, subject: state.sent.subject, recipient: enteredName(state.sent.recipientName, undefined, locale) })}{" "}
            {state.sent.replyTo ? t.rich("sentReplies", { address: state.sent.replyTo, email: isolatedAddress }) : t("sentNoReplies")}
            {state.sent.copyTo ? <> {t.rich("sentCopy", { address: state.sent.copyTo, email: isolatedAddress })}</> : null}
          </p>
        </div>
      ) : null}
      {!clientErrors && state.mailto ? (
        <div className="notice notice-success" role="status" tabIndex={-1} ref={resultRef}>
          <p>{t("mailtoReady", { name: state.mailto.recipientName })}</p>
          <p>
            <a className="button" href={state.mailto.href}>
              {t("mailtoOpen")}
            </a>
          </p>
        </div>
      ) : null}

      <input type="hidden" name="campaign" value={campaignSlug} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="letterKey" value={letterKey} />
      {token ? <input type="hidden" name="token" value={token} /> : null}

      <FieldGroup id="letter-recipient" legend={t("recipient")} error={errors.recipient ? message("recipient") : undefined}>
        <ul className="recipient-choice">
          {recipients.map((recipient) => {
            const notes = [recipient.risk ? `recipient-${recipient.id}-risk` : null, recipient.writtenOn ? `recipient-${recipient.id}-written` : null].filter(Boolean).join(" ");
            return (
              <li key={recipient.id} className="field-radio">
                <input
                  type="radio"
                  id={`recipient-${recipient.id}`}
                  name="recipient"
                  value={recipient.id}
                  defaultChecked={recipient.id === selected}
                  disabled={Boolean(recipient.writtenOn)}
                  onChange={() => setSelected(recipient.id)}
                  aria-describedby={notes || undefined}
                />
                <label htmlFor={`recipient-${recipient.id}`}>
                  <strong>
                    <RecipientName name={recipient.name} nameLocale={recipient.nameLocale} locale={locale} />
                  </strong>{" "}
                  <span>{recipient.detail}</span>
                  {recipient.risk ? (
                    <span className="recipient-note recipient-risk" id={`recipient-${recipient.id}-risk`}>
                      {t("riskMark")}
                    </span>
                  ) : null}
                  {recipient.writtenOn ? (
                    <span className="recipient-note" id={`recipient-${recipient.id}-written`}>
                      {t("alreadyWrote", { date: recipient.writtenOn })}
                    </span>
                  ) : null}
                </label>
              </li>
            );
          })}
        </ul>
      </FieldGroup>

      <div aria-live="polite">
        {risky ? (
          <div className="notice notice-warning" id="letter-risk">
            <h3>{t.rich("riskHeading", { name: risky.name, recipient: enteredName(risky.name, risky.nameLocale, locale) })}</h3>
            <p id="letter-risk-warning">{t("riskWarning")}</p>
            <CheckboxField
              {...at("acknowledgeRisk")}
              label={t.rich("acknowledgeRisk", { name: risky.name, recipient: enteredName(risky.name, risky.nameLocale, locale) })}
              value="yes"
              defaultChecked={ticked("acknowledgeRisk") && value("recipient", "") === risky.id}
              aria-describedby="letter-risk-warning"
            />
          </div>
        ) : null}
      </div>

      <TextField {...at("name")} label={t("name")} hint={t("nameHint")} autoComplete="name" maxLength={100} defaultValue={value("name", defaults.name)} />

      <p className="hint">{t("subjectNote")}</p>

      <TextAreaField {...at("body")} label={t("body")} hint={t("bodyHint")} rows={12} lang={letterLocale} dir={direction(letterLocale)} defaultValue={value("body", defaults.body)} />

      <TextAreaField
        {...at("personal")}
        label={t("personal")}
        hint={t("personalHint", { min: personalMinLength })}
        rows={5}
        maxLength={personalMaxLength}
        lang={letterLocale}
        dir="auto"
        required
        defaultValue={value("personal", "")}
      />

      {token && senderEmail ? (
        <FieldGroup id="letter-contact" className="letter-contact" legend={t("contactHeading")} hint={t("contactHint")}>
          <Choice
            id="letter-replyToMe"
            type="checkbox"
            name="replyToMe"
            value="yes"
            defaultChecked={ticked("replyToMe")}
            label={t.rich("replyToMe", { address: senderEmail, email: isolatedAddress })}
            hint={t("replyToMeHint")}
          />
          <Choice id="letter-copyToMe" type="checkbox" name="copyToMe" value="yes" defaultChecked={ticked("copyToMe")} label={t("copyToMe")} hint={t("copyToMeHint")} />
        </FieldGroup>
      ) : null}

      <div className="letter-actions">
        {token ? (
          <p>
            <button type="submit" name="intent" value="send" className="button" disabled={pending} aria-describedby="letter-send-hint">
              {pending ? t("sending") : t("send")}
            </button>
            <span className="hint" id="letter-send-hint">
              {" "}
              {t("sendHint")}
            </span>
          </p>
        ) : null}
        <p>
          <button type="submit" name="intent" value="mailto" className={token ? "button button-secondary" : "button"} disabled={pending} aria-describedby="letter-mailto-hint">
            {t("mailto")}
          </button>
          <span className="hint" id="letter-mailto-hint">
            {" "}
            {t("mailtoHint")}
          </span>
        </p>
        <p>
          <a href={privacyHref}>{t("privacyLink")}</a>
        </p>
      </div>
    </form>
  );
}
