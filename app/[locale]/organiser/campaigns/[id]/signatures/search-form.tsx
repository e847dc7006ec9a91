import { getTranslations } from "next-intl/server";
import { countryOptions } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import { type ModerationFieldErrors, type SearchFilterField } from "@/lib/moderation/schema";
import { organiserStates } from "@/lib/moderation/signature-states";
import { signaturesHref } from "./moderation-url";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { Options } from "../../../options";

type Props = {
  locale: Locale;
  campaignId: string;
  values: Record<SearchFilterField, string>;
  errors: ModerationFieldErrors;
  // Viewers see masked addresses and cannot search by one.
  searchEmails: boolean;
};

// A GET form: a search is a link that can be bookmarked, shared with a colleague, or reloaded.
export async function SearchForm({ locale, campaignId, values, errors, searchEmails }: Props) {
  const [t, states] = await Promise.all([getTranslations({ locale, namespace: "Moderation" }), getTranslations({ locale, namespace: "SignatureStates" })]);
  const fields: SearchFilterField[] = ["text", "email", "country", "state", "from", "to", "ipHash", "emailDomain"];
  const shown = fields.filter((field) => field !== "email" || searchEmails);
  // Every problem is listed, even one with a field this reader does not see (a hand-edited URL).
  const invalid = fields.filter((field) => errors[field]);
  const describedBy = (field: SearchFilterField, hint: boolean) =>
    [hint ? `filter-${field}-hint` : null, errors[field] ? `filter-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (field: SearchFilterField) =>
    errors[field] ? (
      <p className="field-error" id={`filter-${field}-error`}>
        {t(`errors.${errors[field]}`)}
      </p>
    ) : null;
  const fieldClass = (field: SearchFilterField, extra = "") => `field${extra}${errors[field] ? " field-invalid" : ""}`;

  return (
    <form method="get" action={signaturesHref(locale, campaignId)} className="moderation-form search-form" noValidate role="search" aria-labelledby="search-heading">
      <h2 id="search-heading">{t("searchHeading")}</h2>
      <ErrorSummary
        id="search-errors"
        announce={false}
        heading={<h3>{t("errorSummary")}</h3>}
        problems={invalid.map((field) => ({ key: field, href: shown.includes(field) ? `#filter-${field}` : undefined, message: t(`errors.${errors[field]!}`) }))}
      />
      <div className="search-grid">
        <div className={fieldClass("text", " search-wide")}>
          <label htmlFor="filter-text">{searchEmails ? t("filters.text") : t("filters.textName")}</label>
          {errorText("text")}
          <input id="filter-text" name="text" type="search" maxLength={100} defaultValue={values.text} aria-invalid={Boolean(errors.text)} aria-describedby={describedBy("text", false)} />
        </div>
        {searchEmails ? (
          <div className={fieldClass("email")}>
            <label htmlFor="filter-email">{t("filters.email")}</label>
            <p className="hint" id="filter-email-hint">{t("filters.emailHint")}</p>
            {errorText("email")}
            <input id="filter-email" name="email" type="email" dir="ltr" spellCheck={false} maxLength={254} defaultValue={values.email} aria-invalid={Boolean(errors.email)} aria-describedby={describedBy("email", true)} />
          </div>
        ) : null}
        <div className={fieldClass("country")}>
          <label htmlFor="filter-country">{t("filters.country")}</label>
          {errorText("country")}
          <select id="filter-country" name="country" defaultValue={values.country.toUpperCase()} aria-invalid={Boolean(errors.country)} aria-describedby={describedBy("country", false)}>
            <option value="">{t("filters.anyCountry")}</option>
            {countryOptions(locale).map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        </div>
        <div className={fieldClass("state")}>
          <label htmlFor="filter-state">{t("filters.state")}</label>
          {errorText("state")}
          <select id="filter-state" name="state" defaultValue={values.state} aria-invalid={Boolean(errors.state)} aria-describedby={describedBy("state", false)}>
            <option value="">{t("filters.anyState")}</option>
            <Options values={organiserStates} label={(state) => states(state)} />
          </select>
        </div>
        <div className={fieldClass("from")}>
          <label htmlFor="filter-from">{t("filters.from")}</label>
          {errorText("from")}
          <input id="filter-from" name="from" type="date" defaultValue={values.from} aria-invalid={Boolean(errors.from)} aria-describedby={describedBy("from", false)} />
        </div>
        <div className={fieldClass("to")}>
          <label htmlFor="filter-to">{t("filters.to")}</label>
          {errorText("to")}
          <input id="filter-to" name="to" type="date" defaultValue={values.to} aria-invalid={Boolean(errors.to)} aria-describedby={describedBy("to", false)} />
        </div>
        <div className={fieldClass("ipHash")}>
          <label htmlFor="filter-ipHash">{t("filters.ipHash")}</label>
          <p className="hint" id="filter-ipHash-hint">{t("filters.ipHashHint")}</p>
          {errorText("ipHash")}
          <input id="filter-ipHash" name="ipHash" type="text" dir="ltr" spellCheck={false} autoComplete="off" maxLength={64} defaultValue={values.ipHash} aria-invalid={Boolean(errors.ipHash)} aria-describedby={describedBy("ipHash", true)} />
        </div>
        <div className={fieldClass("emailDomain")}>
          <label htmlFor="filter-emailDomain">{t("filters.emailDomain")}</label>
          <p className="hint" id="filter-emailDomain-hint">{t("filters.emailDomainHint")}</p>
          {errorText("emailDomain")}
          <input id="filter-emailDomain" name="emailDomain" type="text" dir="ltr" spellCheck={false} autoComplete="off" maxLength={253} defaultValue={values.emailDomain} aria-invalid={Boolean(errors.emailDomain)} aria-describedby={describedBy("emailDomain", true)} />
        </div>
      </div>
      <p className="hint">{t("filters.datesHint")}</p>
      <div className="form-actions">
        <button type="submit" className="button">
          {t("search")}
        </button>
        <a href={signaturesHref(locale, campaignId)}>{t("clearFilters")}</a>
      </div>
    </form>
  );
}
