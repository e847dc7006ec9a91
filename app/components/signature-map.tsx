import { getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { signaturesByCountry } from "@/lib/campaigns/signatures-by-country";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { mapVersion } from "@/lib/maps/campaign-map";
import { mapShades, neutralMapFill, worldMapSize, worldMapSvg, type CountryCount } from "@/lib/maps/world-map";
import { publicPath } from "@/lib/public-urls";

// The legend: one swatch per shade, in the page's direction (the map itself is never mirrored).
async function MapLegend({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "SignatureMap" });
  const number = (value: number) => formatNumber(value, locale);
  return (
    <ul className="map-legend" aria-label={t("legend")}>
      <li>
        <span className="map-swatch" style={{ background: neutralMapFill }} aria-hidden="true" />
        {t("none")}
      </li>
      {mapShades().map((shade) => (
        <li key={shade.shade}>
          <span className="map-swatch" style={{ background: shade.fill }} aria-hidden="true" />
          {shade.to === null ? t("rangeOpen", { from: number(shade.from) }) : t("range", { from: number(shade.from), to: number(shade.to) })}
        </li>
      ))}
    </ul>
  );
}

// The public page's map: an image of its own (cached apart from the page, drawn on the server),
// its legend, and the same figures as a table. Nothing when no one has confirmed yet.
export async function CampaignSignatureMap({ campaignId, slug, locale }: { campaignId: string; slug: string; locale: Locale }) {
  const counts = await signaturesByCountry(campaignId);
  if (counts.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "SignatureMap" });
  return (
    <section aria-labelledby="signature-map-heading" className="signature-map">
      <h2 id="signature-map-heading">{t("heading")}</h2>
      <figure>
        {/* An SVG drawn by our own route: next/image would only pass it through. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={publicPath.campaignMap(slug, mapVersion(counts))} alt={t("imageAlt")} width={worldMapSize.width} height={worldMapSize.height} loading="lazy" decoding="async" />
        <figcaption>
          <MapLegend locale={locale} />
          <p className="hint">{t("note")}</p>
        </figcaption>
      </figure>
      <details className="map-figures">
        <summary>{t("tableSummary", { count: counts.length })}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("country")}</th>
              <th scope="col" className="numeric">{t("signatures")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.country}>
                <th scope="row">{countryName(row.country, locale)}</th>
                <td className="numeric">{formatNumber(row.count, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

// The organisers' overview draws the map into the page, named as an image; their table sits beside it.
export async function InlineSignatureMap({ counts, locale }: { counts: CountryCount[]; locale: Locale }) {
  if (counts.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "SignatureMap" });
  const top = counts[0]!;
  const label = t("inlineLabel", { countries: counts.length, country: countryName(top.country, locale), count: formatNumber(top.count, locale) });
  return (
    <figure className="signature-map">
      <div className="map-frame" dangerouslySetInnerHTML={{ __html: worldMapSvg({ counts, label }) }} />
      <figcaption>
        <MapLegend locale={locale} />
      </figcaption>
    </figure>
  );
}
