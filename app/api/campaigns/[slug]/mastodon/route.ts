import { getPublicCampaign } from "@/lib/campaigns/get-campaign";
import { mastodonShareLink } from "@/lib/campaigns/share-links";
import { env } from "@/lib/env";
import { isLocale, localized } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

// The Mastodon share button without JavaScript: the form names the reader's server, this sends
// them to that server's own share page. Only ever to https://<host>/share with Nida's text.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  const localeValue = query.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  const campaign = await getPublicCampaign(slug);
  if (!campaign) return new Response("Not found", { status: 404 });
  const campaignUrl = `${env.APP_URL}/${locale}/campaigns/${campaign.slug}`;
  const title = localized(locale, campaign.title).text;
  const href = mastodonShareLink({ instance: query.get("instance") ?? "", campaignUrl, text: translator(locale, "Share")("text", { title }) });
  const location = href ?? `${campaignUrl}/thanks?mastodon=invalid#share`;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
