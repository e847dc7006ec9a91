import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { getLetterCampaign, hasLetterTemplate } from "@/lib/letters/letter-campaign";
import { letterTokenCookie } from "@/lib/letters/letter-token";
import { publicPath } from "@/lib/public-urls";

// "Write to your representatives", shown where a campaign has a letter. On the thank-you page
// after confirming, the link carries the token that lets the supporter send through Nida.
export async function WriteLetterLink({ slug, locale, variant = "campaign" }: { slug: string; locale: Locale; variant?: "campaign" | "thanks" }) {
  const campaign = await getLetterCampaign(slug);
  if (!campaign || !hasLetterTemplate(campaign)) return null;
  const t = await getTranslations({ locale, namespace: "LetterLinks" });
  const token = variant === "thanks" ? (await cookies()).get(letterTokenCookie.name)?.value : undefined;
  const safeToken = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
  const href = `${publicPath.letter(locale, campaign.slug)}${safeToken ? `?token=${safeToken}` : ""}`;
  if (variant === "thanks") {
    return (
      <section className="letter-invitation" aria-labelledby="letter-invitation-heading">
        <h2 id="letter-invitation-heading">{t("thanksHeading")}</h2>
        {safeToken ? <p>{t("thanksBody", { hours: env.LETTER_TOKEN_TTL_HOURS })}</p> : <p>{t("campaignHint")}</p>}
        <p>
          <a className="button" href={href}>
            {t("thanksLink")}
          </a>
        </p>
      </section>
    );
  }
  return (
    <p className="letter-link">
      <a href={href}>{t("campaign")}</a> <span className="hint">{t("campaignHint")}</span>
    </p>
  );
}
