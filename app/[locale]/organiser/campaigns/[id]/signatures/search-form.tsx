import { getTranslations } from "next-intl/server";
import { countryOptions } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import { type ModerationFieldErrors, type SearchFilterField } from "@/lib/moderation/schema";
import { organiserStates } from "@/lib/moderation/signature-states";
import { signaturesHref } from "./moderation-url";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { SelectField, TextField } from "@/app/components/form/field";
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
  const at = (field: SearchFilterField) => ({ id: `filter-${field}`, name: field, defaultValue: values[field], error: errors[field] ? t(`errors.${errors[field]}`) : undefined });
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
        <TextField {...at("text")} fieldClassName="search-wide" label={searchEmails ? t("filters.text") : t("filters.textName")} type="search" maxLength={100} />
        {searchEmails ? <TextField {...at("email")} label={t("filters.email")} hint={t("filters.emailHint")} type="email" dir="ltr" spellCheck={false} maxLength={254} /> : null}
        <SelectField {...at("country")} label={t("filters.country")} defaultValue={values.country.toUpperCase()}>
          <option value="">{t("filters.anyCountry")}</option>
          {countryOptions(locale).map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
        <SelectField {...at("state")} label={t("filters.state")}>
          <option value="">{t("filters.anyState")}</option>
          <Options values={organiserStates} label={(state) => states(state)} />
        </SelectField>
        <TextField {...at("from")} label={t("filters.from")} type="date" />
        <TextField {...at("to")} label={t("filters.to")} type="date" />
        <TextField {...at("ipHash")} label={t("filters.ipHash")} hint={t("filters.ipHashHint")} dir="ltr" spellCheck={false} autoComplete="off" maxLength={64} />
        <TextField {...at("emailDomain")} label={t("filters.emailDomain")} hint={t("filters.emailDomainHint")} dir="ltr" spellCheck={false} autoComplete="off" maxLength={253} />
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
