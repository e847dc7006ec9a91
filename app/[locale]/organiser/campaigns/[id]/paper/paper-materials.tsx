import { getTranslations } from "next-intl/server";
import { contentLocales, type Locale } from "@/lib/i18n/locales";
import { paperMaterials } from "@/lib/paper-materials/paper-materials";

type Props = { campaignId: string; locale: Locale };

// Links to the printable sign sheet and poster, each in both languages: what is printed need not
// be in the organiser's own language.
export async function PaperMaterials({ campaignId, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "PaperMaterials" });
  const base = `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}/paper/print`;
  return (
    <section aria-labelledby="paper-print-heading" className="overview-section">
      <h2 id="paper-print-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <ul>
        {paperMaterials.flatMap((material) =>
          contentLocales.map((language) => (
            <li key={`${material}-${language}`}>
              <a href={`${base}/${material}?language=${language}`} download data-testid={`paper-print-${material}-${language}`}>
                {t("inLanguage", { material: t(material === "poster" ? "poster" : "sheet"), language: t(`languages.${language}`) })}
              </a>
            </li>
          )),
        )}
      </ul>
      <p className="hint">{t("draftHint")}</p>
    </section>
  );
}
