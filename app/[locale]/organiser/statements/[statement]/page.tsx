import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthorList } from "@/app/components/author-list";
import { LocalizedText } from "@/app/components/localized-text";
import { formatDate } from "@/lib/i18n/format";
import { languageNames, type Locale } from "@/lib/i18n/locales";
import { formTexts } from "@/lib/i18n/translations";
import { getStatementForEditing } from "@/lib/statements/manage-statement";
import { BackLink } from "../../back-link";
import { organiserPageMetadata, orNotFound } from "../../page-access";
import { requireOrganiser } from "../../require-organiser";
import { StatementForm } from "../statement-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; statement: string }>; searchParams: Promise<{ done?: string | string[] }> };

const doneMessages = ["saved", "unchanged"] as const;

export const generateMetadata = organiserPageMetadata("StatementEditor", "editTitle", { noIndex: true });

export default async function EditStatementPage({ params, searchParams }: Props) {
  const { locale, statement: statementId } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  // A statement the actor may not edit is "not found", as one that does not exist.
  const statement = await orNotFound(getStatementForEditing({ actor, statementId }));
  const t = await getTranslations({ locale, namespace: "StatementEditor" });
  const { done } = await searchParams;
  const doneMessage = doneMessages.find((key) => key === done);
  const initial = {
    url: statement.url ?? "",
    language: statement.language,
    title: formTexts(statement.title),
    summary: formTexts(statement.summary),
    fullText: statement.fullText,
    authors: statement.authors.map((author) => ({ name: author.en ?? "", nameAr: author.ar ?? "" })),
  };

  return (
    <div className="editor-page">
      <BackLink href={`/${locale}/organiser/statements`}>{t("back")}</BackLink>
      <h1>{t("editTitle")}</h1>
      <LocalizedText as="p" className="lede" values={statement.title} locale={locale} />
      <p className="meta">
        <AuthorList authors={statement.authors} locale={locale} /> · {formatDate(statement.publishedOn, locale, statement.datePrecision)} ·{" "}
        <a href={`/${locale}/statements/${encodeURIComponent(statement.slug)}`}>{t("publicPage")}</a>
      </p>
      <StatementForm key={statement.updatedAt.toISOString()} locale={locale} statementId={statement.id} initial={initial} languageNames={languageNames(locale)} notice={doneMessage ? t(doneMessage) : undefined} />
    </div>
  );
}
