import { getTranslations } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { roleAtLeast } from "@/lib/auth/authorize";
import { formatNumber } from "@/lib/i18n/format";
import { languageName, localized, locales, type Locale } from "@/lib/i18n/locales";
import { getLetterSettings } from "@/lib/letters/letter-settings";
import { letterTemplateFields, type LetterTemplateField } from "@/lib/letters/schema";
import { LetterTemplateForm, type LetterLanguage } from "./template-form";
import { openCampaignPage, organiserPageMetadata } from "../../../page-access";
import { BackLink, campaignOverviewPath } from "../../../back-link";
import { OrganiserTable } from "../../../organiser-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = organiserPageMetadata("OrganiserLetters", "metaTitle", { noIndex: true });

// The campaign's letter to representatives, and how many letters each decision-maker received.
export default async function CampaignLettersPage({ params }: Props) {
  const { locale, loaded: settings } = await openCampaignPage(params, getLetterSettings);
  const t = await getTranslations({ locale, namespace: "OrganiserLetters" });
  const canChange = roleAtLeast(settings.role, "ORGANISER");
  const { template } = settings;
  const { primaryLocale } = settings.campaign;
  const language = (one: Locale): LetterLanguage => ({ locale: one, name: languageName(locale, one) });
  const defaults = Object.fromEntries([
    ...locales.flatMap((one) => {
      const [subjects, body] = letterTemplateFields(one);
      return [
        [subjects, (template.letterSubjects[one] ?? []).join("\n")],
        [body, template.letterBody[one] ?? ""],
      ];
    }),
    ["dailyCap", String(template.dailyCap)],
  ]) as Record<LetterTemplateField, string>;

  return (
    <div className="letters-settings">
      <BackLink href={campaignOverviewPath(locale, settings.campaign.id)}>{t("back")}</BackLink>
      <h1>{t("heading")}</h1>
      <LocalizedText as="p" className="lede" values={settings.campaign.title} primary={primaryLocale} locale={locale} />
      <p>{t("intro")}</p>

      <section aria-labelledby="letter-counts-heading" className="overview-section">
        <h2 id="letter-counts-heading">{t("countsHeading")}</h2>
        {settings.received.length === 0 ? (
          <p>{t("noLetters")}</p>
        ) : (
          <OrganiserTable labelledBy="letter-counts-caption" className="organiser-table" captionId="letter-counts-caption" caption={t("countsCaption")} columns={[{ label: t("decisionMaker") }, { label: t("total"), numeric: true }, { label: t("today"), numeric: true }]}>
            {settings.received.map((row) => (
              <tr key={row.decisionMakerId} data-testid={`letters-${row.decisionMakerId}`}>
                <th scope="row">
                  <bdi>
                    <LocalizedText locale={locale} values={row.name} />
                  </bdi>
                  {localized(locale, row.institution).text !== localized(locale, row.name).text ? (
                    <span className="hint">
                      , <LocalizedText locale={locale} values={row.institution} />
                    </span>
                  ) : null}
                </th>
                <td className="numeric">{formatNumber(row.total, locale)}</td>
                <td className="numeric">{formatNumber(row.today, locale)}</td>
              </tr>
            ))}
          </OrganiserTable>
        )}
      </section>

      <section aria-labelledby="letter-template-heading" className="overview-section">
        <h2 id="letter-template-heading">{t("templateHeading")}</h2>
        {canChange ? null : <p className="notice">{t("readOnly")}</p>}
        <LetterTemplateForm
          campaignId={settings.campaign.id}
          locale={locale}
          readOnly={!canChange}
          languages={[language(primaryLocale), ...locales.filter((one) => one !== primaryLocale).map(language)]}
          defaults={defaults}
        />
      </section>
    </div>
  );
}
