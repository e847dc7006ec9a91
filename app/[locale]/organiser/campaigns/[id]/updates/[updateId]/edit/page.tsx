import { getTranslations, setRequestLocale } from "next-intl/server";
import { localized, type Locale } from "@/lib/i18n/locales";
import { getUpdateForEditing, listCampaignUpdates } from "@/lib/updates/list-updates";
import { UpdateForm } from "../../update-form";
import { formTexts } from "@/lib/i18n/translations";
import { languageNames } from "@/lib/i18n/locales";
import { orNotFound, organiserPageMetadata } from "../../../../../page-access";
import { BackLink } from "../../../../../back-link";
import { requireOrganiser } from "../../../../../require-organiser";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string; updateId: string }> };

export const generateMetadata = organiserPageMetadata("Updates", "title", { noIndex: true });

export default async function EditUpdatePage({ params }: Props) {
  const { locale, id, updateId } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const [update, listing] = await Promise.all([
    orNotFound(getUpdateForEditing({ actor, campaignId: id, updateId })),
    orNotFound(listCampaignUpdates({ actor, campaignId: id })),
  ]);
  const t = await getTranslations({ locale, namespace: "Updates" });
  return (
    <div className="updates">
      <BackLink href={`/${locale}/organiser/campaigns/${encodeURIComponent(id)}/updates/${encodeURIComponent(update.id)}`}>{t("title")}</BackLink>
      <h1>{t("form.editHeading")}</h1>
      <UpdateForm
        locale={locale}
        campaignId={id}
        updateId={update.id}
        organisationName={localized(locale, listing.organisation.name).text}
        primaryLocale={update.primaryLocale}
        languageNames={languageNames(locale)}
        defaults={{
          scope: update.campaignId ? "campaign" : "organisation",
          subject: formTexts(update.subject),
          body: formTexts(update.body),
          mailed: update.mailed,
          published: update.published,
        }}
      />
    </div>
  );
}
