import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrganisationSwitch } from "@/app/components/organisation-switch";
import type { Locale } from "@/lib/i18n/locales";
import { logoFileMaxBytes } from "@/lib/organisations/logo";
import { getOrganisationProfile } from "@/lib/organisations/profile";
import { profileFields, type ProfileField } from "@/lib/organisations/profile-schema";
import { languageNames } from "@/lib/i18n/locales";
import { LogoForm } from "./logo-form";
import { ProfileForm } from "./profile-form";
import { Notice } from "../notice";
import { organiserPageMetadata, requireOwnedOrganisation } from "../page-access";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("OrganisationProfile", "title");

const logoErrors = ["logoRequired", "logoTooLarge", "logoType", "logoUnreadable"] as const;
type LogoError = (typeof logoErrors)[number];
const isLogoError = (value: unknown): value is LogoError => (logoErrors as readonly unknown[]).includes(value);

// Owners only: what the public is told about the organisation, and its logo.
export default async function OrganisationProfilePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { actor, organisation, name, otherOwned } = await requireOwnedOrganisation(locale, query.organisation);
  const [t, profile] = await Promise.all([getTranslations({ locale, namespace: "OrganisationProfile" }), getOrganisationProfile({ actor, organisationId: organisation.id })]);
  const logoAction = `/api/organiser/organisations/${encodeURIComponent(organisation.id)}/logo?locale=${locale}`;

  return (
    <>
      <h1>{t("heading", { organisation: name })}</h1>
      <p className="lede">{t("intro")}</p>
      <section aria-labelledby="profile-heading" className="organiser-section organiser-panel">
        <h2 id="profile-heading" className="visually-hidden">
          {t("title")}
        </h2>
        <ProfileForm
          locale={locale}
          organisationId={organisation.id}
          profile={Object.fromEntries(profileFields.map((field) => [field, profile[field] ?? ""])) as Record<ProfileField, string>}
          languageNames={languageNames(locale)}
        />
      </section>
      <section aria-labelledby="logo-heading" className="organiser-section organiser-panel" id="logo">
        <h2 id="logo-heading">{t("logoHeading")}</h2>
        {query.logo === "saved" ? <Notice tone="success">{t("logoSaved")}</Notice> : null}
        {query.logo === "removed" ? <Notice tone="success">{t("logoRemoved")}</Notice> : null}
        {profile.logo ? (
          <div className="organisation-logo-current">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={profile.logo.large} width={128} height={128} alt={t("currentLogo")} className="organisation-logo" />
          </div>
        ) : (
          <p>{t("noLogo")}</p>
        )}
        <LogoForm action={logoAction} maxBytes={logoFileMaxBytes} serverError={isLogoError(query.logoError) ? query.logoError : null} />
        {profile.logo ? (
          <form action={logoAction} method="post" encType="multipart/form-data" className="organiser-form logo-remove-form">
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className="button button-secondary">
              {t("removeLogo")}
            </button>
          </form>
        ) : null}
      </section>
      <OrganisationSwitch label={t("otherOrganisations")} organisations={otherOwned} pagePath={`/${locale}/organiser/organisation`} locale={locale} />
    </>
  );
}
