import { getTranslations } from "next-intl/server";
import { direction, localized, type Locale } from "@/lib/i18n/locales";
import type { PublicOrganisation } from "@/lib/organisations/profile";

// An organisation's name in the reader's language, else in English, else in whichever language it
// has, marked with that language and isolated so it does not run into the text around it.
export function OrganisationName({ name, locale }: { name: PublicOrganisation["name"]; locale: Locale }) {
  const shown = localized(locale, name);
  return shown.locale === locale ? (
    <bdi className="organisation-name">{shown.text}</bdi>
  ) : (
    <bdi className="organisation-name" lang={shown.locale} dir={direction(shown.locale)}>
      {shown.text}
    </bdi>
  );
}

// What the public is told about an organisation: logo, name, description, website and contact.
export async function OrganisationCard({ organisation, locale, headingLevel = "h3" }: { organisation: PublicOrganisation; locale: Locale; headingLevel?: "h2" | "h3" }) {
  const t = await getTranslations({ locale, namespace: "OrganisationPublic" });
  const Heading = headingLevel;
  const description = localized(locale, organisation.description);
  return (
    <div className="organisation-card" data-organisation={organisation.slug}>
      {organisation.logo ? (
        // The name beside it says whose logo it is: the image itself is decoration.
        // eslint-disable-next-line @next/next/no-img-element
        <img className="organisation-logo" src={organisation.logo.small} srcSet={`${organisation.logo.small} 64w, ${organisation.logo.large} 256w`} sizes="64px" width={64} height={64} alt="" loading="lazy" />
      ) : null}
      <div className="organisation-card-text">
        <Heading className="organisation-card-name">
          <OrganisationName name={organisation.name} locale={locale} />
        </Heading>
        {description.text ? (
          <p lang={description.locale === locale ? undefined : description.locale} dir={description.locale === locale ? undefined : direction(description.locale)}>
            {description.text}
          </p>
        ) : null}
        {organisation.website || organisation.contactEmail ? (
          <dl className="organisation-contacts">
            {organisation.website ? (
              <div>
                <dt>{t("website")}</dt>
                <dd>
                  <a href={organisation.website} rel="noopener noreferrer" dir="ltr">
                    {organisation.website.replace(/^https:\/\//, "").replace(/\/$/, "")}
                  </a>
                </dd>
              </div>
            ) : null}
            {organisation.contactEmail ? (
              <div>
                <dt>{t("contact")}</dt>
                <dd>
                  <a href={`mailto:${organisation.contactEmail}`} dir="ltr">
                    {organisation.contactEmail}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </div>
    </div>
  );
}
