import { EnteredText, hasNoArabic } from "@/app/components/entered-text";
import { LocalizedText } from "@/app/components/localized-text";
import { SelectField } from "@/app/components/form/field";
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { countryName, countryOptions } from "@/lib/countries";
import { clientMessages, letterClientNamespaces } from "@/lib/i18n/client-messages";
import { formatDate } from "@/lib/i18n/format";
import { direction, localized, type Locale } from "@/lib/i18n/locales";
import { defaultSignatureLine } from "@/lib/letters/compose-letter";
import { findLetterRecipients, internationalCountries, preselectedRecipient } from "@/lib/letters/find-recipients";
import { getLetterCampaign, hasLetterTemplate, letterLocale, templateBodies } from "@/lib/letters/letter-campaign";
import { letterSenderStatus } from "@/lib/letters/letter-token";
import { letterPlaceSchema } from "@/lib/letters/schema";
import { findSentLetters } from "@/lib/letters/sent-letters";
import { LetterForm, type RecipientOption } from "./letter-form";

export const dynamic = "force-dynamic";

type Search = { token?: string | string[]; country?: string | string[]; region?: string | string[] };
type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<Search> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "LetterWrite" });
  // The address may carry a token: keep it out of search engines and of Referer headers sent
  // elsewhere ("no-referrer" would also blank the Origin of the page's own plain form posts).
  return { title: t("metaTitle"), robots: { index: false }, referrer: "same-origin" };
}

// Choose where you live (a plain GET form), see whom you can write to, and write: all of it
// works without JavaScript.
export default async function WriteLetterPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const campaign = await getLetterCampaign(slug);
  if (!campaign) notFound();
  const t = await getTranslations({ locale, namespace: "LetterWrite" });
  const search = await searchParams;
  const title = localized(locale, campaign.title, campaign.primaryLocale);
  const campaignHref = `/${locale}/campaigns/${campaign.slug}`;

  if (!hasLetterTemplate(campaign)) {
    return (
      <section className="panel" aria-labelledby="write-heading">
        <h1 id="write-heading">{t("heading")}</h1>
        <p>{t("noTemplate")}</p>
        <p>
          <a href={campaignHref}>{t("back")}</a>
        </p>
      </section>
    );
  }

  const token = one(search.token)?.slice(0, 64);
  const status = await letterSenderStatus({ token, campaignId: campaign.id });
  const sender = status.kind === "ready" ? status.sender : null;
  const sent = sender ? await findSentLetters({ signatureId: sender.signatureId }) : null;
  const atLimit = sent !== null && sent.today >= sent.dailyLimit;
  const place = letterPlaceSchema.parse({ country: one(search.country) ?? sender?.country, region: one(search.region) });
  const choice = await findLetterRecipients({ campaignId: campaign.id, country: place.country, region: place.region, locale });
  const lettersIn = letterLocale(campaign, locale);
  const template = campaign.templates[lettersIn]!;
  const inCountry = choice.recipients.filter((recipient) => !(internationalCountries as readonly string[]).includes(recipient.country));

  const recipients: RecipientOption[] = choice.recipients.map((recipient) => {
    const international = (internationalCountries as readonly string[]).includes(recipient.country);
    const title = Object.keys(recipient.title).length > 0 ? localized(locale, recipient.title) : null;
    const institution = localized(locale, recipient.institution);
    const name = localized(locale, recipient.name);
    const sentOn = sent?.sentOn.get(recipient.id);
    return {
      id: recipient.id,
      name: name.text,
      nameLocale: name.locale,
      risk: recipient.riskToSigners,
      writtenOn: sentOn ? formatDate(sentOn, locale) : null,
      // Each piece is isolated, so Latin names inside an Arabic line keep their own order.
      detail: (
        <>
          {title && title.locale === institution.locale && institution.locale !== locale ? (
            // Both untranslated, in one language: one run, so a comma of the page's language does not split it.
            <bdi lang={institution.locale} dir={direction(institution.locale)}>
              {title.text}
              {institution.locale === "ar" ? "، " : ", "}
              {institution.text}
            </bdi>
          ) : (
            <>
              {title ? (
                <>
                  <bdi>
                    <LocalizedText locale={locale} values={recipient.title} />
                  </bdi>
                  {locale === "ar" ? "، " : ", "}
                </>
              ) : null}
              <bdi>
                <LocalizedText locale={locale} values={recipient.institution} />
              </bdi>
            </>
          )}{" "}
          ({international ? t("international") : countryName(recipient.country, locale)}
          {!international && recipient.region ? (
            <>
              {locale === "ar" ? "، " : ", "}
              <EnteredText text={recipient.region} />
            </>
          ) : null}
          )
        </>
      ),
    };
  });
  // Countries the directory covers come first in the list.
  const allCountries = countryOptions(locale);
  const covered = allCountries.filter((country) => choice.countries.includes(country.code));

  return (
    <section className="panel letter-page" aria-labelledby="write-heading">
      <p className="meta">
        <a href={campaignHref}>{t("back")}</a>
      </p>
      <h1 id="write-heading">{t("heading")}</h1>
      <p className="lede">
        {t.rich("intro", {
          title: title.text,
          // A title in another language than the page's is marked as such.
          campaign: (chunks) => (title.locale === locale ? chunks : <bdi lang={title.locale} dir={direction(title.locale)}>{chunks}</bdi>),
        })}
      </p>
      {sender && !atLimit ? (
        <p className="notice notice-success" role="status">
          {t.rich("senderReady", {
            address: sender.email,
            email: (chunks) => (
              <bdi dir="ltr" lang="en">
                {chunks}
              </bdi>
            ),
            time: sender.expiresAt ? `${formatDate(sender.expiresAt, locale)} ${sender.expiresAt.toISOString().slice(11, 16)} UTC` : "",
          })}
        </p>
      ) : null}
      {sent && atLimit ? <p className="notice">{t("limitReached", { count: sent.today })}</p> : null}
      {sender ? null : (
        <p className="notice">{status.kind === "invalid" ? t("tokenProblem") : status.kind === "notConfirmed" ? t("notConfirmed") : t("noToken")}</p>
      )}

      <form method="get" action={`/${locale}/campaigns/${campaign.slug}/write`} className="sign-form letter-place">
        <h2>{t("placeHeading")}</h2>
        {token ? <input type="hidden" name="token" value={token} /> : null}
        <SelectField id="place-country" name="country" label={t("country")} autoComplete="country" defaultValue={place.country ?? ""}>
            <option value="">{t("chooseCountry")}</option>
            {covered.length > 0 ? (
              <optgroup label={t("recipientsHeading")}>
                {covered.map((country) => (
                  <option key={`covered-${country.code}`} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("country")}>
              {allCountries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </optgroup>
        </SelectField>
        {choice.regions.length > 0 ? (
          <SelectField id="place-region" name="region" label={t("region")} hint={t("regionHint")} defaultValue={place.region ?? ""}>
              <option value="">{t("wholeCountry")}</option>
              {choice.regions.map((region) => (
                <option key={region} value={region} lang={hasNoArabic(region) ? "en" : undefined} dir="auto">
                  {region}
                </option>
              ))}
          </SelectField>
        ) : null}
        <button type="submit" className="button button-secondary">
          {t("showRecipients")}
        </button>
      </form>

      <h2 id="recipients-heading">{t("recipientsHeading")}</h2>
      {!place.country ? <p>{t("chooseFirst")}</p> : inCountry.length === 0 ? <p>{t("noneInCountry")}</p> : null}
      {recipients.length === 0 ? (
        <p>{t("noRecipients")}</p>
      ) : (
        <NextIntlClientProvider messages={clientMessages(locale, letterClientNamespaces)}>
          <LetterForm
            key={`${place.country ?? ""}-${place.region ?? ""}`}
            campaignSlug={campaign.slug}
            locale={locale}
            letterLocale={lettersIn}
            token={sender && !atLimit ? token! : null}
            senderEmail={sender?.email ?? null}
            letterKey={randomUUID()}
            recipients={recipients}
            preselected={preselectedRecipient(choice.recipients, new Set(sent?.sentOn.keys()))}
            privacyHref={`/${locale}/privacy#privacy-letters`}
            defaults={{ name: sender ? defaultSignatureLine({ name: sender.name, country: sender.country, locale: lettersIn }) : "", body: template.body }}
            templates={templateBodies(campaign)}
          />
        </NextIntlClientProvider>
      )}
    </section>
  );
}
