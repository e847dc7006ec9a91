import { ImageResponse } from "next/og";
import { getPublicCampaign } from "@/lib/campaigns/get-campaign";
import { cachedRender } from "@/lib/campaigns/share-image/render-cache";
import { shareImageSize, shareImageSvg } from "@/lib/campaigns/share-image/share-image-svg";
import { env } from "@/lib/env";
import { isLocale, localized } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

// Crawlers and caches may keep the image for a minute; this server re-renders it at most every
// ten seconds, and only when the count has moved.
const cacheControl = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";
const minRenderAgeMs = 10_000;

// The campaign's Open Graph / Twitter card image, 1200×630 PNG, in the reader's language.
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const campaign = await getPublicCampaign(slug);
  if (!campaign) return new Response("Not found", { status: 404 });

  const title = localized(locale, campaign.title, campaign.primaryLocale);
  const lead = campaign.owners[0];
  const organisation = lead ? localized(locale, lead.name) : undefined;
  const png = await cachedRender({
    id: `${locale}:${campaign.slug}`,
    version: `${campaign.progress.count}:${campaign.progress.goal}:${title.text}:${organisation?.text ?? ""}`,
    minAgeMs: minRenderAgeMs,
    render: async () => {
      const svg = shareImageSvg({ locale, title, progress: campaign.progress, host: new URL(env.APP_URL).host, organisation });
      const image = new ImageResponse(
        (
          <div style={{ display: "flex", width: "100%", height: "100%" }}>
            {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text */}
            <img src={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`} width={shareImageSize.width} height={shareImageSize.height} />
          </div>
        ),
        { ...shareImageSize },
      );
      return new Uint8Array(await image.arrayBuffer());
    },
  });
  return new Response(png as BodyInit, { headers: { "Content-Type": "image/png", "Cache-Control": cacheControl } });
}
