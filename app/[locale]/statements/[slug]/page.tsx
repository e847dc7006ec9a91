import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { getStatement } from "@/lib/campaigns/get-statement";
import { formatDate } from "@/lib/i18n/format";
import { localized, type Locale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const statement = await getStatement(slug);
  return statement ? { title: localized(locale, statement.title).text } : {};
}

export default async function StatementPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const statement = await getStatement(slug);
  if (!statement) notFound();
  const t = await getTranslations({ locale, namespace: "Statement" });
  const author = statement.authorOrganisation ? localized(locale, { en: statement.authorOrganisation.name, ar: statement.authorOrganisation.nameAr }).text : statement.authorName;

  return (
    <article className="statement">
      <p className="meta">{t("title")}</p>
      <LocalizedText as="h1" values={statement.title} locale={locale} />
      <dl className="facts">
        <div>
          <dt>{t("author")}</dt>
          <dd>{author}</dd>
        </div>
        <div>
          <dt>{t("published")}</dt>
          <dd>{formatDate(statement.publishedOn, locale, statement.datePrecision)}</dd>
        </div>
        <div>
          <dt>{t("language")}</dt>
          <dd>{t(`languages.${statement.language}`)}</dd>
        </div>
      </dl>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("summaryHeading")}</h2>
        <LocalizedText as="p" values={statement.summary} locale={locale} />
        <p className="hint">{t("summaryNote")}</p>
        {statement.url ? (
          <p>
            <a href={statement.url} rel="nofollow noopener noreferrer" target="_blank">
              {t("original")}
            </a>
          </p>
        ) : null}
      </section>
      {statement.campaigns.length > 0 ? (
        <section aria-labelledby="campaigns-heading">
          <h2 id="campaigns-heading">{t("campaignsHeading")}</h2>
          <ul>
            {statement.campaigns.map((campaign) => (
              <li key={campaign.slug}>
                <a href={`/${locale}/campaigns/${campaign.slug}`}>
                  <LocalizedText values={campaign.title} locale={locale} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
