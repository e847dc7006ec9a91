import { getTranslations } from "next-intl/server";
import { SignForm } from "@/app/[locale]/campaigns/[slug]/sign-form";
import { CampaignArticle } from "@/app/components/campaign-article";
import { roleAtLeast } from "@/lib/auth/authorize";
import { isPublic } from "@/lib/campaigns/lifecycle";
import { getCampaignPreview } from "@/lib/campaigns/editor/get-campaign-preview";
import { countryCodesInOrder } from "@/lib/countries";
import { languageName, type Locale } from "@/lib/i18n/locales";
import { languagesOf } from "@/lib/i18n/translations";
import { publicPath } from "@/lib/public-urls";
import { editorPath } from "../../_editor/form-state";
import { StatusForm } from "../../_editor/status-form";
import { openCampaignPage, organiserPageMetadata } from "../../../page-access";
import { Notice } from "../../../notice";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ done?: string | string[] }> };

export const generateMetadata = organiserPageMetadata("CampaignEditor", "preview.metaTitle", { noIndex: true });

// The campaign as the public will see it, in this page's language, drafts included. The sign form
// is shown for its look only: its controls are disabled, so nothing can be submitted. A draft can
// be published from here by those who may.
export default async function PreviewCampaignPage({ params, searchParams }: Props) {
  const { locale, loaded: campaign } = await openCampaignPage(params, getCampaignPreview);
  const { done } = await searchParams;
  const [t, statuses] = await Promise.all([getTranslations({ locale, namespace: "CampaignEditor" }), getTranslations({ locale, namespace: "CampaignStatuses" })]);
  const others = languagesOf(campaign.title, campaign.primaryLocale).filter((language) => language !== locale);

  return (
    <div className="preview-page">
      <div className="preview-banner" role="note" aria-labelledby="preview-label">
        <p>
          <strong id="preview-label" className="preview-label">
            {t("preview.label")}
          </strong>{" "}
          {t("preview.explanation", { status: statuses(campaign.status) })}
        </p>
        <p className="preview-links">
          <a href={editorPath(locale, campaign.id, "edit")}>{t("preview.backToEditor")}</a>
          <a href={`/${locale}/organiser/campaigns/${encodeURIComponent(campaign.id)}`}>{t("overview")}</a>
          {others.map((language) => (
            <a key={language} href={editorPath(language, campaign.id, "preview")} hrefLang={language}>
              {t("previewIn", { language: languageName(locale, language) })}
            </a>
          ))}
          {isPublic(campaign) ? <a href={publicPath.campaign(locale, campaign.slug)}>{t("preview.publicPage")}</a> : null}
        </p>
        {/* Said only while true: a campaign closed since it was published is not "accepting signatures". */}
        {done === "published" && campaign.status === "OPEN" ? <Notice tone="success">{t("done.published")}</Notice> : null}
        {campaign.status === "DRAFT" && roleAtLeast(campaign.role, "ORGANISER") ? <StatusForm campaignId={campaign.id} locale={locale} transition="publish" returnTo="preview" /> : null}
      </div>
      <CampaignArticle
        campaign={campaign}
        locale={locale}
        sign={
          <>
            <p className="notice">{t("preview.signDisabled")}</p>
            <fieldset className="preview-sign" disabled aria-label={t("preview.signDisabled")}>
              <SignForm campaignSlug={campaign.slug} locale={locale} source={null} countries={countryCodesInOrder(locale)} />
            </fieldset>
          </>
        }
      />
    </div>
  );
}
