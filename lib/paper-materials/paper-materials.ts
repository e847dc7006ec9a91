import { z } from "zod";
import { requireCampaignRole, type Actor } from "../auth/authorize";
import { taggedUrl } from "../campaigns/share-channels";
import { db } from "../db";
import { AppError } from "../errors";
import { contentLocales, type Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { publicOrganisation, publicOrganisationSelect } from "../organisations/profile";
import { publicUrl } from "../public-urls";
import { renderPoster } from "./render-poster";
import { renderSignSheet } from "./render-sign-sheet";
import { printedShortUrl } from "./short-code";

export type MaterialContent = {
  locale: Locale;
  // The campaign's texts, in the language asked for where they are written in it, else in the
  // campaign's own.
  primaryLocale: Locale;
  title: Translations;
  summary: Translations;
  demands: Translations[];
  // Each organisation's name in the languages it gives it in.
  organisations: Translations[];
  retentionMonths: number;
  campaignUrl: string;
  // What the poster's QR code opens: the campaign page, tagged as scanned from a poster.
  qrUrl: string;
  shortUrl: string;
};

export const paperMaterials = ["sign-sheet", "poster"] as const;


const materialSchema = z.object({ material: z.enum(paperMaterials), language: z.enum(contentLocales) });

// A printable sign sheet or poster for a campaign, in the language asked for. Drawing one changes
// nothing; it is for the campaign's organisers, who are the ones who print and hand them out.
export async function paperMaterial(options: { actor: Actor; campaignId: string; values: { material: string; language: string | null } }): Promise<{ fileName: string; bytes: Uint8Array }> {
  await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const parsed = materialSchema.safeParse(options.values);
  // The two are chosen from the page's own links: anything else is an address that does not exist.
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const { material, language } = parsed.data;
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: options.campaignId },
    select: {
      slug: true,
      title: true,
      summary: true,
      primaryLocale: true,
      retentionMonths: true,
      shortCode: true,
      owners: { orderBy: [{ lead: "desc" }, { createdAt: "asc" }], select: { organisation: { select: publicOrganisationSelect } } },
      demands: { orderBy: { position: "asc" }, select: { text: true } },
    },
  });
  const campaignUrl = publicUrl.campaign(language, campaign.slug);
  const content: MaterialContent = {
    locale: language,
    primaryLocale: campaign.primaryLocale,
    title: readTranslations(campaign.title),
    summary: readTranslations(campaign.summary),
    demands: campaign.demands.map((demand) => readTranslations(demand.text)),
    organisations: campaign.owners.map((owner) => publicOrganisation(owner.organisation).name),
    retentionMonths: campaign.retentionMonths,
    campaignUrl,
    qrUrl: taggedUrl(campaignUrl, "qr"),
    shortUrl: printedShortUrl(campaign.shortCode),
  };
  const bytes = material === "poster" ? await renderPoster(content) : await renderSignSheet(content);
  return { fileName: `${campaign.slug}-${material}-${language}.pdf`, bytes };
}


