import { getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import { listPublicSigners } from "@/lib/privacy/public-signers";

// Signers who chose to be listed, by first name and country only; nothing when no one did.
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
            {t("signer", { name: signer.firstName, country: countryName(signer.country, locale) })}
          </li>
        ))}
      </ul>
      <p className="hint">{t("note")}</p>
    </section>
  );
}
