import { getTranslations, setRequestLocale } from "next-intl/server";
import { readTranslations } from "@/lib/i18n/translations";
import { LocalizedText } from "@/app/components/localized-text";
import { formatNumber, formatter } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listAuditEntries, type AuditRow } from "@/lib/organisations/list-audit-entries";
import { joinNames } from "@/lib/statements/authors";
import { organiserPageMetadata, requireOwnedOrganisation } from "../page-access";
import { OrganiserTable } from "../organiser-table";

// What an edit of a source statement may have changed, as its audit entry names them.
const statementFields = ["url", "language", "title", "summary", "fullText", "authors"] as const;
type StatementField = (typeof statementFields)[number];

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("OrganiserAudit", "title");

function formatMoment(date: Date, locale: Locale): string {
  return formatter(locale).dateTime(date, "moment");
}

// Owners only: who did what, when, to how many, newest first.
export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { actor, organisation, name } = await requireOwnedOrganisation(locale, query.organisation);
  const requestedPage = Number(typeof query.page === "string" ? query.page : "1");
  const [t, roles, log] = await Promise.all([
    getTranslations({ locale, namespace: "OrganiserAudit" }),
    getTranslations({ locale, namespace: "OrganiserRoles" }),
    listAuditEntries({ actor, organisationId: organisation.id, page: Number.isFinite(requestedPage) ? requestedPage : 1 }),
  ]);
  const pageHref = (page: number) => `/${locale}/organiser/audit?${new URLSearchParams({ organisation: organisation.id, page: String(page) })}`;
  const role = (value: unknown) => (value === "OWNER" || value === "ORGANISER" || value === "VIEWER" ? roles(value) : String(value ?? ""));

  function actionLabel(entry: AuditRow): string {
    const key = `actions.${entry.action}`;
    return t.has(key as "actions.member.invite") ? t(key as "actions.member.invite") : entry.action;
  }

  function detail(entry: AuditRow): string | null {
    const d = entry.details ?? {};
    const email = typeof d.email === "string" ? d.email : null;
    if (!email) return null;
    if (entry.action === "member.invite") return t("details.memberInvite", { email, role: role(d.role) });
    if (entry.action === "member.role") return t("details.memberRole", { email, from: role(d.from), to: role(d.to) });
    if (entry.action === "member.remove") return t("details.memberRemove", { email, role: role(d.role) });
    return null;
  }

  // An edited source statement: which one (its public page), and what changed.
  function statementDetail(entry: AuditRow) {
    const d = entry.details ?? {};
    const title = readTranslations(d.title);
    if (entry.action !== "statement.update" || typeof d.slug !== "string" || Object.keys(title).length === 0) return null;
    const fields = (Array.isArray(d.changed) ? d.changed : []).filter((field): field is StatementField => (statementFields as readonly unknown[]).includes(field));
    return (
      <>
        <span className="audit-detail">
          <a href={`/${locale}/statements/${encodeURIComponent(d.slug)}`}>
            <LocalizedText values={title} locale={locale} />
          </a>
        </span>
        {fields.length > 0 ? <span className="audit-detail">{t("details.statementChanged", { fields: joinNames(fields.map((field) => t(`details.statementFields.${field}`)), locale) })}</span> : null}
      </>
    );
  }

  return (
    <>
      <h1>{t("heading", { organisation: name })}</h1>
      <p className="lede">{t("intro")}</p>
      <p className="meta">{t("total", { count: log.total })}</p>
      {log.entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <OrganiserTable labelledBy="audit-caption" className="organiser-table audit-table stack-on-phone" captionId="audit-caption" captionHidden caption={t("caption", { organisation: name, page: log.page, pages: log.pages })} withRoles columns={[{ label: t("when") }, { label: t("who") }, { label: t("what") }, { label: t("affected"), numeric: true }]}>
          {log.entries.map((entry) => {
            const about = detail(entry);
            return (
              <tr role="row" key={entry.id} data-action={entry.action}>
                <td role="cell" data-label={t("when")}>
                  <time dateTime={entry.at.toISOString()}>{t("momentUtc", { moment: formatMoment(entry.at, locale) })}</time>
                </td>
                <td role="cell" className="audit-who" data-label={t("who")}>{entry.who ? <bdi dir="ltr">{entry.who}</bdi> : t("system")}</td>
                <td role="cell" data-label={t("what")}>
                  {actionLabel(entry)}
                  {about ? <span className="audit-detail">{about}</span> : null}
                  {statementDetail(entry)}
                  {entry.campaign ? (
                    <span className="audit-detail">
                      <a href={`/${locale}/organiser/campaigns/${encodeURIComponent(entry.campaign.id)}`}>
                        <LocalizedText values={entry.campaign.title} locale={locale} primary={entry.campaign.primaryLocale} />
                      </a>
                    </span>
                  ) : null}
                </td>
                <td role="cell" className="numeric" data-label={t("affected")}>
                  {formatNumber(entry.affected, locale)}
                </td>
              </tr>
            );
          })}
        </OrganiserTable>
      )}
      {log.pages > 1 ? (
        <nav aria-label={t("pagination")} className="pagination">
          {log.page > 1 ? (
            <a href={pageHref(log.page - 1)} rel="prev">
              {t("newer")}
            </a>
          ) : null}
          <span>{t("pageOf", { page: log.page, pages: log.pages })}</span>
          {log.page < log.pages ? (
            <a href={pageHref(log.page + 1)} rel="next">
              {t("older")}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
