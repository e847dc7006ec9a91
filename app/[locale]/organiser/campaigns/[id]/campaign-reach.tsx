import { getTranslations } from "next-intl/server";
import { CopyLink } from "@/app/components/copy-link";
import type { Actor } from "@/lib/auth/authorize";
import { embedSnippet } from "@/lib/campaigns/embed-snippet";
import { isPublic } from "@/lib/campaigns/lifecycle";
import { signatureSources } from "@/lib/campaigns/signature-sources";
import { env } from "@/lib/env";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { formatNumber } from "@/lib/i18n/format";
import { languageName, localized, locales, type Locale } from "@/lib/i18n/locales";
import type { Translations } from "@/lib/i18n/translations";
import { OrganiserTable } from "../../organiser-table";

type Props = { actor: Actor; campaign: { id: string; slug: string; status: CampaignStatus; title: Translations; primaryLocale: Locale }; locale: Locale };

// The campaign overview's reach: confirmed signatures per share channel, and the embed code.
export async function CampaignReach({ actor, campaign, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "CampaignReach" });
  const sources = await signatureSources({ actor, campaignId: campaign.id });
  return (
    <>
      <section aria-labelledby="sources-heading" className="overview-section">
        <h2 id="sources-heading">{t("sourcesHeading")}</h2>
        {sources.length === 0 ? (
          <p>{t("noSources")}</p>
        ) : (
          <OrganiserTable labelledBy="sources-caption" className="organiser-table overview-table sources-table" captionId="sources-caption" caption={t("sourcesCaption")} columns={[{ label: t("channel") }, { label: t("confirmed"), numeric: true }]}>
            {sources.map((row) => (
              <tr key={row.channel} data-channel={row.channel}>
                <th scope="row">{t(`channels.${row.channel}`)}</th>
                <td className="numeric">{formatNumber(row.count, locale)}</td>
              </tr>
            ))}
          </OrganiserTable>
        )}
      </section>

      <section aria-labelledby="embed-heading" className="overview-section embed-snippet">
        <h2 id="embed-heading">{t("embedHeading")}</h2>
        {!isPublic(campaign) ? <p className="hint">{t("embedDraft")}</p> : null}
        <p>{t("embedHint")}</p>
        {locales.map((embedLocale) => {
          const language = languageName(locale, embedLocale);
          const title = localized(embedLocale, campaign.title, campaign.primaryLocale).text;
          return (
            <div key={embedLocale}>
              <h3>{t("embedLanguage", { language })}</h3>
              <CopyLink
                multiline
                url={embedSnippet({ appUrl: env.APP_URL, slug: campaign.slug, locale: embedLocale, frameTitle: t("frameTitle", { title }) })}
                fieldLabel={t("embedCode", { language })}
                label={t("copy")}
                copiedLabel={t("copied")}
              />
            </div>
          );
        })}
      </section>
    </>
  );
}
