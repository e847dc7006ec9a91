import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthorList } from "@/app/components/author-list";
import { OrganisationCard } from "@/app/components/organisation-card";
import { LocalizedText } from "@/app/components/localized-text";
import { getStatement, statementParagraphs } from "@/lib/campaigns/get-statement";
import { formatDate } from "@/lib/i18n/format";
import { direction, localized, type Locale } from "@/lib/i18n/locales";
import { publicPath } from "@/lib/public-urls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const statement = await getStatement(slug);
  // The statements end with their authors' press contacts: phones must not offer to call or
  // mail them as if Nida did.
  return statement ? { title: localized(locale, statement.title).text, formatDetection: { telephone: false, email: false, address: false } } : {};
}

export default async function StatementPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const statement = await getStatement(slug);
  if (!statement) notFound();
  const t = await getTranslations({ locale, namespace: "Statement" });
  const authors = () => <AuthorList authors={statement.authors} locale={locale} />;
  const published = formatDate(statement.publishedOn, locale, statement.datePrecision);
  const language = t(`languages.${statement.language}`);

  return (
    <article className="statement">
      <p className="meta">{t("title")}</p>
      <LocalizedText as="h1" values={statement.title} locale={locale} />
      <dl className="facts">
        <div>
          <dt>{t("authors", { count: statement.authors.length })}</dt>
          <dd data-testid="statement-authors">{authors()}</dd>
        </div>
        <div>
          <dt>{t("published")}</dt>
          <dd>{published}</dd>
        </div>
        <div>
          <dt>{t("language")}</dt>
          <dd>{language}</dd>
        </div>
        <div>
          <dt>{t("source")}</dt>
          <dd className="statement-source">
            {statement.url ? (
              <a href={statement.url} rel="nofollow noopener noreferrer" target="_blank" dir="ltr">
                {statement.url}
              </a>
            ) : (
              t("noLink")
            )}
          </dd>
        </div>
      </dl>
      {statement.publisher ? (
        <section aria-labelledby="publisher-heading" className="statement-publisher">
          <h2 id="publisher-heading">{(await getTranslations({ locale, namespace: "OrganisationPublic" }))("publisherHeading")}</h2>
          <OrganisationCard organisation={statement.publisher} locale={locale} />
        </section>
      ) : null}
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("summaryHeading")}</h2>
        <LocalizedText as="p" values={statement.summary} locale={locale} />
        <p className="hint">{t("summaryNote")}</p>
      </section>
      <section aria-labelledby="original-heading" className="statement-original">
        <h2 id="original-heading">{t("originalHeading")}</h2>
        {statement.fullText ? (
          <>
            <p className="meta">{t.rich("originalAttribution", { count: statement.authors.length, authors, date: published, language })}</p>
            <p className="hint">{t("originalNote")}</p>
            <div className="statement-text" lang={statement.language} dir={direction(statement.language)} data-testid="statement-text">
              {statementParagraphs(statement.fullText).map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          </>
        ) : (
          <p>{t("noText")}</p>
        )}
      </section>
      {statement.campaigns.length > 0 ? (
        <section aria-labelledby="campaigns-heading">
          <h2 id="campaigns-heading">{t("campaignsHeading")}</h2>
          <ul>
            {statement.campaigns.map((campaign) => (
              <li key={campaign.slug}>
                <a href={publicPath.campaign(locale, campaign.slug)}>
                  <LocalizedText values={campaign.title} locale={locale} primary={campaign.primaryLocale} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
