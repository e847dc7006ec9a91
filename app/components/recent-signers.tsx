import { getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { isolate } from "@/lib/i18n/isolate";
import type { Locale } from "@/lib/i18n/locales";
import { listPublicSigners } from "@/lib/privacy/public-signers";

// Signers who chose to be listed, by first name and country only; nothing when no one did. A name
// is isolated, so that a Latin name on an Arabic page (or the reverse) keeps the comma after it.
export async function RecentSigners({ campaignId, locale }: { campaignId: string; locale: Locale }) {
  const signers = await listPublicSigners({ campaignId });
  if (signers.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "RecentSigners" });
  return (
    <section aria-labelledby="recent-signers-heading" className="recent-signers">
      <h2 id="recent-signers-heading">{t("heading")}</h2>
      <ul>
        {signers.map((signer, index) => (
          <li key={index}>
            {t("signer", { name: isolate(signer.firstName), country: countryName(signer.country, locale) })}
          </li>
        ))}
      </ul>
      <p className="hint">{t("note")}</p>
    </section>
  );
}
