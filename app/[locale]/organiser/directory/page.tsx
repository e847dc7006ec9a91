import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrganisationSwitch } from "@/app/components/organisation-switch";
import { roleAtLeast } from "@/lib/auth/authorize";
import { EnteredText } from "@/app/components/entered-text";
import { LocalizedText } from "@/app/components/localized-text";
import { countryName } from "@/lib/countries";
import { listDecisionMakers, type DirectoryEntry } from "@/lib/decision-makers/manage-decision-maker";
import { formatDate } from "@/lib/i18n/format";
import { localized, type Locale } from "@/lib/i18n/locales";
import { requireOrganiser } from "../require-organiser";
import { retireEntryAction } from "./actions";
import { chooseDirectoryOrganisation } from "./organisation";
import { organiserPageMetadata } from "../page-access";
import { OrganiserTable } from "../organiser-table";
import { RowActionForm } from "../row-action-form";
import { isFormRefusal } from "../form-data";
import { Notice } from "../notice";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("Directory", "title", { noIndex: true });

export default async function DirectoryPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const query = await searchParams;
  const { current, all } = await chooseDirectoryOrganisation(actor, query.organisation);
  if (!current) notFound();
  const [t, entries] = await Promise.all([getTranslations({ locale, namespace: "Directory" }), listDecisionMakers({ actor, organisationId: current.id, locale })]);
  const canChange = roleAtLeast(current.role, "ORGANISER");
  const base = `/${locale}/organiser/directory`;
  const org = `organisation=${encodeURIComponent(current.id)}`;
  const name = localized(locale, current.name).text;

  // A name in another language than the page's is marked as such; either way it stays isolated.
  const entryName = (entry: DirectoryEntry) => (
    <bdi>
      <LocalizedText locale={locale} values={entry.name} />
    </bdi>
  );

  const table = (rows: DirectoryEntry[], own: boolean, caption: string) => (
    <OrganiserTable label={caption} className="organiser-table" captionHidden caption={caption} columns={[{ label: t("fields.name") }, { label: t("fields.institution") }, { label: t("fields.country") }, { label: t("fields.email") }, { label: t("fields.lastVerifiedOn") }, own && canChange ? { label: t("actions") } : null]}>
      {rows.map((entry) => (
        <tr key={entry.id}>
          <th scope="row">
            {entryName(entry)}
            {Object.keys(entry.title).length > 0 ? <LocalizedText as="div" className="hint" locale={locale} values={entry.title} /> : null}
            {entry.riskToSigners ? <div className="status">{t("riskToSignersMark")}</div> : null}
            {entry.retiredAt ? <div className="status">{t("retired")}</div> : null}
          </th>
          <td>
            <LocalizedText locale={locale} values={entry.institution} />
          </td>
          <td>
            {countryName(entry.country, locale)}
            {entry.region ? (
              <>
                {" · "}
                <EnteredText text={entry.region} />
              </>
            ) : null}
          </td>
          <td dir="ltr">{entry.email}</td>
          <td>{entry.lastVerifiedOn ? formatDate(entry.lastVerifiedOn, locale) : "—"}</td>
          {own && canChange ? (
            <td>
              <a href={`${base}/${encodeURIComponent(entry.id)}?${org}`}>{t.rich("edit", { name: localized(locale, entry.name).text, entered: () => entryName(entry) })}</a>
              <RowActionForm action={retireEntryAction} fields={{ locale, organisation: current.id, id: entry.id, intent: entry.retiredAt ? "restore" : "retire" }}>
                {entry.retiredAt ? t("restore") : t("retire")}
              </RowActionForm>
            </td>
          ) : null}
        </tr>
      ))}
    </OrganiserTable>
  );

  return (
    <>
      <h1>{t("heading", { organisation: name })}</h1>
      <p className="lede">{t("intro")}</p>
      {isFormRefusal(query.error) ? <Notice tone="problem">{t(`formErrors.${query.error}`)}</Notice> : null}
      {query.saved ? <Notice tone="success">{t("saved")}</Notice> : null}
      <OrganisationSwitch label={t("otherOrganisations")} organisations={all.filter((o) => o.id !== current.id)} pagePath={base} locale={locale} showHeading={false} />
      <nav aria-label={t("toolsLabel")} className="overview-tools">
        <ul>
          {canChange ? (
            <>
              <li>
                <a className="button" href={`${base}/new?${org}`}>
                  {t("add")}
                </a>
              </li>
              <li>
                <a className="button button-secondary" href={`${base}/import?${org}`}>
                  {t("import")}
                </a>
              </li>
            </>
          ) : null}
          <li>
            <a className="button button-secondary" href={`${base}/export?${org}`} download>
              {t("export")}
            </a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="own-heading" className="organiser-section">
        <h2 id="own-heading">{t("ownHeading", { count: entries.own.length })}</h2>
        {entries.own.length === 0 ? <p>{t("ownEmpty")}</p> : table(entries.own, true, t("ownHeading", { count: entries.own.length }))}
      </section>
      <section aria-labelledby="shared-heading" className="organiser-section">
        <h2 id="shared-heading">{t("sharedHeading")}</h2>
        <p className="hint">{t("sharedIntro")}</p>
        {table(entries.shared, false, t("sharedHeading"))}
      </section>
    </>
  );
}
