import { getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { formatNumber, formatter } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { heldReasons, invalidationReasons, type ModerationFieldErrors } from "@/lib/moderation/schema";
import type { SearchSignaturesResult, SignatureRow } from "@/lib/moderation/search-signatures";
import { moderateSelectionAction } from "./actions";
import { signaturesHref, type FormError } from "./moderation-url";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { SelectField } from "@/app/components/form/field";
import { HiddenFields } from "../../../hidden-fields";
import { Options } from "../../../options";

type Props = {
  locale: Locale;
  result: SearchSignaturesResult;
  view: URLSearchParams;
  canModerate: boolean;
  errors: ModerationFieldErrors;
  formError?: FormError;
};

function timeFormats(locale: Locale) {
  const format = formatter(locale);
  return { day: { format: (date: Date) => format.dateTime(date, "mediumDay") }, time: { format: (date: Date) => format.dateTime(date, "shortTime") } };
}

// The day above the time: two short lines keep the table within its column on a laptop.
function Moment({ at, formats }: { at: Date; formats: ReturnType<typeof timeFormats> }) {
  return (
    <time dateTime={at.toISOString()} className="moment">
      <span>{formats.day.format(at)}</span> <span>{formats.time.format(at)}</span>
    </time>
  );
}

// The address as shown (whole or masked) cut before its domain, which links to the signatures
// from that domain; an anonymised signature keeps only its domain.
function addressParts(signature: SignatureRow): { local: string; domain: string } {
  const at = signature.email.lastIndexOf("@");
  return at < 0 ? { local: "@", domain: signature.emailDomain } : { local: signature.email.slice(0, at + 1), domain: signature.email.slice(at + 1) };
}

// A dash for the eye, words for a screen reader.
function NotShown({ text }: { text: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{text}</span>
    </>
  );
}

export async function ResultsTable({ locale, result, view, canModerate, errors, formError }: Props) {
  const [t, states] = await Promise.all([getTranslations({ locale, namespace: "Moderation" }), getTranslations({ locale, namespace: "SignatureStates" })]);
  const campaignId = result.campaign.id;
  const formats = timeFormats(locale);
  const filterHref = (key: string, value: string) => {
    const params = new URLSearchParams(view);
    params.delete("page");
    params.set(key, value);
    return signaturesHref(locale, campaignId, params);
  };
  const reasonLabel = (reason: string) => ((invalidationReasons as readonly string[]).includes(reason) ? t(`reasons.${reason as (typeof invalidationReasons)[number]}`) : reason);
  const heldReasonLabel = (reason: string | null) => ((heldReasons as readonly string[]).includes(reason ?? "") ? t(`heldReasons.${reason as (typeof heldReasons)[number]}`) : t("heldReasons.rate-limit"));
  const problems = [formError ? t(`formErrors.${formError}`) : null, errors.ids ? t(`errors.${errors.ids}`) : null, errors.reason ? t(`errors.${errors.reason}`) : null, errors.action ? t(`errors.${errors.action}`) : null].filter(
    (problem): problem is string => Boolean(problem),
  );

  const row = (signature: SignatureRow) => (
    <tr key={signature.id}>
      {canModerate ? (
        <td className="select-cell">
          <input type="checkbox" name="signature" value={signature.id} id={`select-${signature.id}`} />
          <label htmlFor={`select-${signature.id}`} className="visually-hidden">
            {t("selectRow", { name: signature.name })}
          </label>
        </td>
      ) : null}
      <th scope="row" className="signer-name">
        <bdi>{signature.name}</bdi>
      </th>
      <td className="signer-state">
        <span className={`signature-state signature-state-${signature.state.toLowerCase()}`}>{states(signature.state)}</span>
        {signature.state === "INVALIDATED" && signature.invalidationReason ? <span className="signature-state-reason">{reasonLabel(signature.invalidationReason)}</span> : null}
        {signature.state === "HELD" || signature.state === "FRAUDULENT" ? <span className="signature-state-reason">{heldReasonLabel(signature.invalidationReason)}</span> : null}
      </td>
      <td dir="ltr" className="signer-email">
        {addressParts(signature).local}
        <a href={filterHref("emailDomain", signature.emailDomain)} title={t("filterByDomain")}>
          {addressParts(signature).domain}
        </a>
      </td>
      <td>{countryName(signature.country, locale)}</td>
      <td>
        <Moment at={signature.createdAt} formats={formats} />
      </td>
      <td>{signature.confirmedAt ? <Moment at={signature.confirmedAt} formats={formats} /> : <NotShown text={t("notConfirmed")} />}</td>
      <td dir="ltr">
        {signature.ipHash ? (
          <a href={filterHref("ipHash", signature.ipHash)} title={t("filterByIp")}>
            <code>{signature.ipHash}</code>
          </a>
        ) : (
          <NotShown text={t("noIpHash")} />
        )}
      </td>
    </tr>
  );

  const table = (
    <div className="table-scroll" role="region" aria-labelledby="results-caption" tabIndex={0}>
      <table className="organiser-table signatures-table">
        <caption id="results-caption">{t("resultsCaption", { page: result.page, pages: result.pageCount })}</caption>
        <thead>
          <tr>
            {canModerate ? (
              <th scope="col">
                <span className="visually-hidden">{t("select")}</span>
              </th>
            ) : null}
            <th scope="col">{t("columns.name")}</th>
            <th scope="col">{t("columns.state")}</th>
            <th scope="col">{t("columns.email")}</th>
            <th scope="col">{t("columns.country")}</th>
            <th scope="col">{t("columns.signedAt")}</th>
            <th scope="col">{t("columns.confirmedAt")}</th>
            <th scope="col">{t("columns.ipHash")}</th>
          </tr>
        </thead>
        <tbody>{result.rows.map(row)}</tbody>
      </table>
    </div>
  );

  const previous = new URLSearchParams(view);
  previous.set("page", String(result.page - 1));
  const next = new URLSearchParams(view);
  next.set("page", String(result.page + 1));

  return (
    <section aria-labelledby="results-heading" id="results" className="moderation-results">
      <h2 id="results-heading">{t("resultsHeading")}</h2>
      <p role="status">{t("resultsCount", { count: result.total, formatted: formatNumber(result.total, locale) })}</p>
      {canModerate && result.rows.length > 0 ? <p className="hint">{t("emailsMaskedHint")}</p> : null}
      {result.rows.length === 0 ? null : canModerate ? (
        <form action={moderateSelectionAction} className="moderation-form selection-form" noValidate>
          <ErrorSummary id="selection-errors" announce={false} heading={<h3>{t("errorSummary")}</h3>} problems={problems.map((problem) => ({ key: problem, message: problem }))} />
          <HiddenFields values={{ locale, campaignId, view: view.toString() }} />
          {table}
          <fieldset className="selection-actions">
            <legend>{t("selectionLegend")}</legend>
            <SelectField id="selection-reason" name="reason" label={t("reason")} hint={t("reasonHint")} error={errors.reason ? t(`errors.${errors.reason}`) : undefined} defaultValue="abuse">
              <Options values={invalidationReasons} label={(reason) => t(`reasons.${reason}`)} />
            </SelectField>
            <div className="form-actions">
              <button type="submit" name="intent" value="invalidate" className="button button-warning">
                {t("invalidateSelected")}
              </button>
              <button type="submit" name="intent" value="restore" className="button button-secondary">
                {t("restoreSelected")}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        table
      )}
      {result.pageCount > 1 ? (
        <nav className="pagination" aria-label={t("pagination")}>
          <ul>
            {result.page > 1 ? (
              <li>
                <a href={signaturesHref(locale, campaignId, previous, "results")} rel="prev">
                  {t("previousPage")}
                </a>
              </li>
            ) : null}
            <li aria-current="page">{t("pageOf", { page: result.page, pages: result.pageCount })}</li>
            {result.page < result.pageCount ? (
              <li>
                <a href={signaturesHref(locale, campaignId, next, "results")} rel="next">
                  {t("nextPage")}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
