import { getTranslations } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { roleAtLeast } from "@/lib/auth/authorize";
import { formatUtcMoment } from "@/lib/i18n/format";
import { localized, type Locale } from "@/lib/i18n/locales";
import { listCampaignUpdates, updateStatusView } from "@/lib/updates/list-updates";
import { setApprovalAction } from "./actions";
import { openCampaignPage, organiserPageMetadata } from "../../../page-access";
import { BackLink, campaignOverviewPath } from "../../../back-link";
import { HiddenFields } from "../../../hidden-fields";
import { Notice } from "../../../notice";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("Updates", "title", { noIndex: true });

// The updates managed from this campaign: drafts, scheduled and sent, newest first.
export default async function CampaignUpdatesPage({ params, searchParams }: Props) {
  const { locale, loaded } = await openCampaignPage(params, listCampaignUpdates);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "Updates" });
  const organisation = localized(locale, loaded.organisation.name).text;
  const base = `/${locale}/organiser/campaigns/${encodeURIComponent(loaded.campaign.id)}/updates`;
  const status = (update: (typeof loaded.updates)[number]) => {
    const view = updateStatusView(update);
    return t(`status.${view.key}`, { when: formatUtcMoment(view.when, locale) });
  };

  return (
    <div className="updates">
      <BackLink href={campaignOverviewPath(locale, loaded.campaign.id)}>{t("title")}</BackLink>
      <h1>{t("title")}</h1>
      <LocalizedText as="p" className="lede" values={loaded.campaign.title} locale={locale} primary={loaded.campaign.primaryLocale} />
      <p>{t("intro", { organisation })}</p>
      {query.done === "deleted" ? <Notice tone="success">{t("deletedNotice")}</Notice> : null}
      {query.done === "setting" ? <Notice tone="success">{loaded.organisation.updatesNeedApproval ? t("approvalOn") : t("approvalOff")}</Notice> : null}
      {typeof query.error === "string" ? <Notice tone="problem">{t("errors.invalidValue")}</Notice> : null}
      {roleAtLeast(loaded.role, "ORGANISER") ? (
        <p>
          <a className="button" href={`${base}/new`}>
            {t("newUpdate")}
          </a>
        </p>
      ) : null}
      {loaded.updates.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="update-list">
          {loaded.updates.map((update) => (
            <li key={update.id} data-testid={`update-${update.id}`}>
              <a href={`${base}/${encodeURIComponent(update.id)}`}>
                <LocalizedText values={update.subject} locale={locale} primary={update.primaryLocale} />
              </a>{" "}
              <span className="hint">
                {status(update)} · {update.campaignId ? t("scopeCampaign") : t("scopeOrganisation", { organisation })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {loaded.role === "OWNER" ? (
        <form action={setApprovalAction} className="organiser-form">
          <HiddenFields values={{ locale, campaign: loaded.campaign.id, organisation: loaded.organisation.id }} />
          <label>
            <input type="checkbox" name="required" defaultChecked={loaded.organisation.updatesNeedApproval} /> {t("approvalSetting")}
          </label>{" "}
          <button type="submit" className="button button-secondary">
            {t("saveSetting")}
          </button>
        </form>
      ) : (
        <p className="hint">{loaded.organisation.updatesNeedApproval ? t("approvalOn") : t("approvalOff")}</p>
      )}
    </div>
  );
}
