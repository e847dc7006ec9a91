"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { CheckboxField, SelectField, TextField } from "@/app/components/form/field";
import type { Locale } from "@/lib/i18n/locales";
import { paperEntryAction, type PaperEntryFormState } from "./actions";
import { useSummaryFocus } from "../../../use-summary-focus";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";

const initialState: PaperEntryFormState = { fields: {} };
const fieldOrder = ["name", "country", "postcode", "email"] as const;

type Props = { campaignId: string; locale: Locale; countries: { code: string; name: string }[] };

// One signer at a time, for a volunteer typing a stack of sheets: after each save the form comes
// back empty with the focus on the name, and says how many were typed in today.
export function PaperEntryForm({ campaignId, locale, countries }: Props) {
  const t = useTranslations("PaperSignatures");
  const [state, formAction, pending] = useActionState(paperEntryAction, initialState);
  const message = (field: (typeof fieldOrder)[number]) => (state.fields[field] ? t(`entryErrors.${state.fields[field]}`) : null);
  const problems = fieldOrder.flatMap((field) => (state.fields[field] ? [{ key: field, href: `#paper-entry-${field}`, message: message(field)! }] : []));
  const summaryRef = useSummaryFocus(problems.length > 0 || Boolean(state.formError), state);
  const values = state.values;

  // Each answer redraws the form (its key): empty after a save, with autoFocus putting the cursor on the name.
  return (
    <form action={formAction} noValidate className="organiser-form paper-entry-form" key={state.key ?? "entry"}>
      <ErrorSummary summaryRef={summaryRef} heading={<h3>{t("errorSummary")}</h3>} formError={state.formError ? t(`errors.${state.formError}`) : null} problems={problems} />
      {state.saved ? (
        <Notice tone="success">
          <span data-testid="paper-entry-saved">{t("entrySaved", { count: state.saved.today })}</span>
        </Notice>
      ) : null}
      <HiddenFields values={{ locale, campaign: campaignId }} />
      <fieldset disabled={pending}>
        <TextField id="paper-entry-name" name="name" label={t("name")} error={message("name")} maxLength={100} autoComplete="off" defaultValue={values?.name} autoFocus={Boolean(state.saved)} />
        <SelectField id="paper-entry-country" name="country" label={t("country")} error={message("country")} defaultValue={values?.country ?? ""}>
          <option value="">{t("chooseCountry")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
        <TextField id="paper-entry-postcode" name="postcode" label={t("postcodeOptional")} error={message("postcode")} maxLength={16} autoComplete="off" className="input-short" defaultValue={values?.postcode} />
        <TextField id="paper-entry-email" name="email" type="email" label={t("emailOptional")} error={message("email")} dir="ltr" autoComplete="off" inputMode="email" spellCheck={false} maxLength={254} defaultValue={values?.email} />
        <CheckboxField id="paper-entry-consented" name="consented" label={t("consented")} hint={t("consentedHint")} defaultChecked={values?.consented ?? false} />
        <button type="submit" className="button">
          {t("save")}
        </button>
      </fieldset>
    </form>
  );
}
