import { getTranslations, setRequestLocale } from "next-intl/server";
import { codeTag } from "@/app/components/code-tag";
import { OrganisationSwitch } from "@/app/components/organisation-switch";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { formatDate, formatUtcMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { ApiKeyList, CreateApiKeyForm } from "./api-key-forms";
import { organiserPageMetadata, requireOwnedOrganisation } from "../page-access";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("OrganiserApiKeys", "title");

// Owners only: the organisation's API keys (never the keys themselves) and a form to create one.
export default async function ApiKeysPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, organisation, name, otherOwned } = await requireOwnedOrganisation(locale, (await searchParams).organisation);
  const [t, keys] = await Promise.all([getTranslations({ locale, namespace: "OrganiserApiKeys" }), listApiKeys({ actor, organisationId: organisation.id })]);
  return (
    <>
      <h1>{t("heading", { organisation: name })}</h1>
      <p className="lede">{t.rich("intro", { code: codeTag })}</p>
      <OrganisationSwitch label={t("otherOrganisations")} organisations={otherOwned} pagePath={`/${locale}/organiser/api-keys`} locale={locale} />
      <section aria-labelledby="keys-heading" className="organiser-section">
        <h2 id="keys-heading">{t("keysHeading")}</h2>
        <ApiKeyList
          locale={locale}
          keys={keys.map((key) => ({
            id: key.id,
            name: key.name,
            prefix: key.prefix,
            scope: key.scope,
            createdOn: formatDate(key.createdAt, locale),
            lastUsed: key.lastUsedAt ? formatUtcMoment(key.lastUsedAt, locale) : null,
            revokedOn: key.revokedAt ? formatDate(key.revokedAt, locale) : null,
          }))}
        />
      </section>
      <section aria-labelledby="create-key-heading" className="organiser-section organiser-panel">
        <h2 id="create-key-heading">{t("createHeading")}</h2>
        <p>{t("createIntro")}</p>
        <CreateApiKeyForm locale={locale} organisationId={organisation.id} />
      </section>
    </>
  );
}
