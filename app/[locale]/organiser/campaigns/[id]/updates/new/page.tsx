import { getTranslations } from "next-intl/server";
import { localized, type Locale } from "@/lib/i18n/locales";
import { listCampaignUpdates } from "@/lib/updates/list-updates";
import { requireCampaignRole } from "@/lib/auth/authorize";
import { AppError, isAppError } from "@/lib/errors";
import { UpdateForm } from "../update-form";
import { formTexts } from "@/lib/i18n/translations";
import { languageNames } from "@/lib/i18n/locales";
import { openCampaignPage, organiserPageMetadata } from "../../../../page-access";
import { BackLink } from "../../../../back-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = organiserPageMetadata("Updates", "title", { noIndex: true });

export default async function NewUpdatePage({ params }: Props) {
  const { locale, loaded } = await openCampaignPage(params, async (input) => {
    // Writing updates is for organisers and owners: to a viewer the page does not exist.
    await requireCampaignRole(input.actor, input.campaignId, "ORGANISER").catch((error: unknown) => {
      throw isAppError(error, "FORBIDDEN") ? new AppError("NOT_FOUND") : error;
    });
    return listCampaignUpdates(input);
  });
  const t = await getTranslations({ locale, namespace: "Updates" });
  return (
    <div className="updates">
      <BackLink href={`/${locale}/organiser/campaigns/${encodeURIComponent(loaded.campaign.id)}/updates`}>{t("title")}</BackLink>
      <h1>{t("form.newHeading")}</h1>
      <UpdateForm
        locale={locale}
        campaignId={loaded.campaign.id}
        organisationName={localized(locale, loaded.organisation.name).text}
        primaryLocale={loaded.campaign.primaryLocale}
        languageNames={languageNames(locale)}
        defaults={{ scope: "campaign", subject: formTexts(), body: formTexts(), mailed: true, published: false }}
      />
    </div>
  );
}
