import { getTranslations } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import type { TrendingFlagView } from "@/lib/abuse/trending-flags";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { OrganiserTable } from "./organiser-table";

// Bursts of signatures from one IP hash or e-mail domain, and connections with signatures held for
// review, waiting for an organiser.
export async function TrendingFlagsSection({ flags, locale }: { flags: TrendingFlagView[]; locale: Locale }) {
  if (flags.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "TrendingFlags" });
  return (
    <section id="trending-flags" className="organiser-section organiser-panel" aria-labelledby="trending-heading">
      <h2 id="trending-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <OrganiserTable labelledBy="trending-heading" className="organiser-table stack-on-phone" captionHidden caption={t("heading")} columns={[{ label: t("campaign") }, { label: t("source") }, { label: t("hour") }, { label: t("confirmed"), numeric: true }, { label: t("held"), numeric: true }, { label: t("action") }]}>
        {flags.map((flag) => (
          <tr key={flag.id} data-flag={flag.id}>
            <th scope="row">
              <LocalizedText values={flag.campaignTitle} locale={locale} primary={flag.campaignPrimaryLocale} />
            </th>
            <td data-label={t("source")}>
              {t(`kinds.${flag.kind}`)} <bdi dir="ltr">{flag.kind === "IP_HASH" ? flag.value.slice(0, 12) : flag.value}</bdi>
            </td>
            <td data-label={t("hour")}>
              <bdi dir="ltr">{`${flag.hourStart.toISOString().slice(0, 16).replace("T", " ")} UTC`}</bdi>
            </td>
            <td data-label={t("confirmed")} className="numeric">
              {formatNumber(flag.confirmed, locale)}
            </td>
            <td data-label={t("held")} className="numeric">
              {formatNumber(flag.held, locale)}
            </td>
            <td data-label={t("action")}>
              <a href={`/${locale}/organiser/trending/${encodeURIComponent(flag.id)}`}>{t("review")}</a>
            </td>
          </tr>
        ))}
      </OrganiserTable>
    </section>
  );
}
