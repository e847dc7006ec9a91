import { getTranslations } from "next-intl/server";
import { AuthorList } from "@/app/components/author-list";
import { DeliveryRecord } from "@/app/components/delivery-record";
import { Fragment, type ReactNode } from "react";
import { LocalizedText } from "@/app/components/localized-text";
import { Markdown } from "@/app/components/markdown";
import { OrganisationCard, OrganisationName } from "@/app/components/organisation-card";
import { ProgressMeter } from "@/app/components/progress-meter";
import { RecentSigners } from "@/app/components/recent-signers";
import { CampaignSignatureMap } from "@/app/components/signature-map";
import { UpdatesTimeline } from "@/app/components/updates-timeline";
import { WriteLetterLink } from "@/app/components/write-letter-link";
import { isPublic } from "@/lib/campaigns/lifecycle";
import type { CampaignPage } from "@/lib/campaigns/get-campaign";
import { formatDate } from "@/lib/i18n/format";
import { direction, languageName, localized, type Locale } from "@/lib/i18n/locales";
import { publicPath } from "@/lib/public-urls";
import type { AuthorName } from "@/lib/statements/authors";

// A campaign's page, with the sign section supplied by the caller: the public page puts the
// sign form there, the organisers' preview a notice.
// `live`: the count keeps itself current in the browser (the public page; not the preview).
export async function CampaignArticle({ campaign, locale, sign, live = false }: { campaign: CampaignPage; locale: Locale; sign: ReactNode; live?: boolean }) {
  const t = await getTranslations({ locale, namespace: "Campaign" });
  const kinds = await getTranslations({ locale, namespace: "DemandKinds" });
  const organisers = await getTranslations({ locale, namespace: "OrganisationPublic" });
  const body = localized(locale, campaign.body, campaign.primaryLocale);
  // A campaign not yet written in the reader's language is shown in the one it has, and says so.
  const writtenIn = localized(locale, campaign.title, campaign.primaryLocale).locale;
  // Rich-text tag for a statement's authors, each named in the reader's language where known.
  const authorsTag = (authors: AuthorName[]) =>
    function Authors() {
      return <AuthorList authors={authors} locale={locale} />;
    };

  return (
    <article className="campaign">
      <header className="campaign-header">
        <p className="meta">
          {t("organisedBy")}{" "}
          {campaign.owners.map((owner, index) => (
            <Fragment key={owner.slug}>
              {index > 0 ? (locale === "ar" ? "، " : ", ") : null}
              <OrganisationName name={owner.name} locale={locale} />
            </Fragment>
          ))}
        </p>
        <LocalizedText as="h1" values={campaign.title} primary={campaign.primaryLocale} locale={locale} />
        <LocalizedText as="p" className="lede" values={campaign.summary} primary={campaign.primaryLocale} locale={locale} />
        {writtenIn !== locale ? <p className="hint">{t("writtenIn", { language: languageName(locale, writtenIn) })}</p> : null}
        <ProgressMeter progress={campaign.progress} locale={locale} liveSlug={live ? campaign.slug : undefined} />
        <ul className="demand-chips" aria-label={t("demandsHeading")}>
          {[...new Set(campaign.demands.map((demand) => demand.kind))].map((kind) => (
            <li key={kind}>{kinds(kind)}</li>
          ))}
        </ul>
      </header>

      <section className="campaign-sign" aria-labelledby="sign-heading" id="sign">
        <h2 id="sign-heading">{t("signHeading")}</h2>
        {sign}
        {isPublic(campaign) ? <WriteLetterLink slug={campaign.slug} locale={locale} /> : null}
      </section>

      <RecentSigners campaignId={campaign.id} locale={locale} />

      {isPublic(campaign) ? <CampaignSignatureMap campaignId={campaign.id} slug={campaign.slug} locale={locale} /> : null}

      <UpdatesTimeline campaignId={campaign.id} locale={locale} />

      <div className="campaign-details">
        <section aria-labelledby="demands-heading">
          <h2 id="demands-heading">{t("demandsHeading")}</h2>
          <ol className="demands">
            {campaign.demands.map((demand, index) => (
              <li key={index} className="demand">
                <p className="demand-kind">{kinds(demand.kind)}</p>
                <LocalizedText as="p" className="demand-text" values={demand.text} primary={campaign.primaryLocale} locale={locale} />
                {demand.sourceQuote ? (
                  <figure className="quote">
                    <blockquote lang={demand.statement?.language ?? "en"} dir={demand.statement?.language === "ar" ? "rtl" : "ltr"}>
                      <p>{demand.sourceQuote}</p>
                    </blockquote>
                    {demand.statement ? (
                      <figcaption>
                        {t.rich("quoteFrom", {
                          title: localized(locale, demand.statement.title).text,
                          authors: authorsTag(demand.statement.authors),
                          date: formatDate(demand.statement.publishedOn, locale, demand.statement.datePrecision),
                        })}
                      </figcaption>
                    ) : null}
                  </figure>
                ) : null}
              </li>
            ))}
          </ol>
        </section>

        {body.text ? (
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">{t("aboutHeading")}</h2>
            {body.locale !== locale && writtenIn === locale ? <p className="hint">{t("partWrittenIn", { language: languageName(locale, body.locale) })}</p> : null}
            <div lang={body.locale} dir={direction(body.locale)}>
              <Markdown>{body.text}</Markdown>
            </div>
          </section>
        ) : null}

        {campaign.owners.length > 0 ? (
          <section aria-labelledby="organisers-heading" className="campaign-organisers">
            <h2 id="organisers-heading">{organisers("aboutHeading")}</h2>
            {campaign.owners.map((owner) => (
              <OrganisationCard key={owner.slug} organisation={owner} locale={locale} />
            ))}
          </section>
        ) : null}

        <DeliveryRecord campaignId={campaign.id} locale={locale} />
        {campaign.statement ? (
          <section aria-labelledby="source-heading" className="source">
            <h2 id="source-heading">{t("sourceHeading")}</h2>
            <p>
              {t.rich("sourceText", {
                count: campaign.statement.authors.length,
                authors: authorsTag(campaign.statement.authors),
                date: formatDate(campaign.statement.publishedOn, locale, campaign.statement.datePrecision),
              })}
            </p>
            <p>
              <a href={publicPath.statement(locale, campaign.statement.slug)}>
                {t("readStatement")}: <LocalizedText values={campaign.statement.title} locale={locale} />
              </a>
            </p>
          </section>
        ) : null}
      </div>
    </article>
  );
}
