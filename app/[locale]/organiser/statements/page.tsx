import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthorList } from "@/app/components/author-list";
import { LocalizedText } from "@/app/components/localized-text";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listEditableStatements } from "@/lib/statements/manage-statement";
import { organiserPageMetadata } from "../page-access";
import { OrganiserTable } from "../organiser-table";
import { requireOrganiser } from "../require-organiser";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = organiserPageMetadata("StatementEditor", "title", { noIndex: true });

// The statements the organiser may edit: those their organisations published or build campaigns on.
export default async function StatementsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const [t, statements] = await Promise.all([getTranslations({ locale, namespace: "StatementEditor" }), listEditableStatements({ actor })]);
  const base = `/${locale}/organiser/statements`;

  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("intro")}</p>
      {statements.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <OrganiserTable labelledBy="statements-caption" className="organiser-table stack-on-phone" captionId="statements-caption" captionHidden caption={t("caption")} withRoles columns={[{ label: t("columns.statement") }, { label: t("columns.authors") }, { label: t("columns.published") }, { label: t("columns.link") }, { label: t("columns.text") }]}>
          {statements.map((statement) => (
            <tr role="row" key={statement.id}>
              <th scope="row" role="rowheader">
                <a href={`${base}/${encodeURIComponent(statement.id)}`}>
                  <LocalizedText values={statement.title} locale={locale} />
                </a>
              </th>
              <td role="cell" data-label={t("columns.authors")}>
                <AuthorList authors={statement.authors} locale={locale} />
              </td>
              <td role="cell" data-label={t("columns.published")}>
                {formatDate(statement.publishedOn, locale, statement.datePrecision)}
              </td>
              <td role="cell" data-label={t("columns.link")}>
                {statement.url ? t("entered") : t("missing")}
              </td>
              <td role="cell" data-label={t("columns.text")}>
                {statement.hasFullText ? t("entered") : t("missing")}
              </td>
            </tr>
          ))}
        </OrganiserTable>
      )}
    </>
  );
}
