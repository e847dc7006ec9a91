import { getTranslations } from "next-intl/server";
import { EnteredText } from "@/app/components/entered-text";
import { LocalizedText } from "@/app/components/localized-text";
import { roleAtLeast } from "@/lib/auth/authorize";
import { countryOptions } from "@/lib/countries";
import { formatNumber, formatter } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listPaperImports } from "@/lib/paper/list-paper-imports";
import { BackLink, campaignOverviewPath } from "../../../back-link";
import { isFormRefusal } from "../../../form-data";
import { Notice } from "../../../notice";
import { OrganiserTable } from "../../../organiser-table";
import { openCampaignPage, organiserPageMetadata } from "../../../page-access";
import { RowActionForm } from "../../../row-action-form";
import { removePaperImportAction } from "./actions";
import { PaperEntryForm } from "./paper-entry-form";
import { PaperImportForm } from "./paper-import-form";
import { PaperMaterials } from "./paper-materials";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("PaperSignatures", "metaTitle", { noIndex: true });

// Signatures gathered on paper: enter a sheet (checked first, then entered whole) and the sheets entered.
export default async function PaperSignaturesPage({ params, searchParams }: Props) {
  const { locale, loaded } = await openCampaignPage(params, listPaperImports);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "PaperSignatures" });
  const canChange = roleAtLeast(loaded.role, "ORGANISER");
  const format = formatter(locale);
  const removed = typeof query.removed === "string" && /^\d+$/.test(query.removed) ? Number(query.removed) : null;

  return (
    <div className="paper-signatures">
      <BackLink href={campaignOverviewPath(locale, loaded.campaign.id)}>{t("back")}</BackLink>
      <h1>{t("heading")}</h1>
      <LocalizedText as="p" className="lede" values={loaded.campaign.title} primary={loaded.campaign.primaryLocale} locale={locale} />
      <p>{t("intro")}</p>
      {removed !== null ? <Notice tone="success">{t("removed", { count: removed })}</Notice> : null}
      {isFormRefusal(query.error) ? <Notice tone="problem">{t(`errors.${query.error}`)}</Notice> : null}

      {canChange ? (
        <section aria-labelledby="paper-entry-heading" className="overview-section">
          <h2 id="paper-entry-heading">{t("entryHeading")}</h2>
          <p>{t("entryIntro")}</p>
          <PaperEntryForm campaignId={loaded.campaign.id} locale={locale} countries={countryOptions(locale)} />
        </section>
      ) : null}

      <section aria-labelledby="paper-enter-heading" className="overview-section">
        <h2 id="paper-enter-heading">{t("enterHeading")}</h2>
        {canChange ? (
          <PaperImportForm campaignId={loaded.campaign.id} locale={locale} countryNames={Object.fromEntries(countryOptions(locale).map((country) => [country.code, country.name]))} />
        ) : (
          <p className="notice">{t("readOnly")}</p>
        )}
      </section>

      {canChange ? <PaperMaterials campaignId={loaded.campaign.id} locale={locale} /> : null}

      <section aria-labelledby="paper-imports-heading" className="overview-section">
        <h2 id="paper-imports-heading">{t("importsHeading")}</h2>
        {loaded.imports.length === 0 ? (
          <p>{t("noImports")}</p>
        ) : (
          <>
            <p data-testid="paper-total">{t("total", { count: loaded.total })}</p>
            <OrganiserTable
              labelledBy="paper-imports-caption"
              className="organiser-table"
              captionId="paper-imports-caption"
              caption={t("importsCaption")}
              columns={[{ label: t("sheet") }, { label: t("signatures"), numeric: true }, { label: t("enteredBy") }, { label: t("enteredOn") }, ...(canChange ? [{ label: t("remove") }] : [])]}
            >
              {loaded.imports.map((batch) => (
                <tr key={batch.id} data-testid={`paper-import-${batch.id}`}>
                  <th scope="row">
                    {batch.handDay ? t("handLabel", { date: format.dateTime(new Date(`${batch.handDay}T00:00:00Z`), "shortDay") }) : <EnteredText text={batch.label} />}
                  </th>
                  <td className="numeric">{formatNumber(batch.count, locale)}</td>
                  <td>{batch.enteredBy ?? t("formerMember")}</td>
                  <td>{format.dateTime(batch.createdAt, "shortDay")}</td>
                  {canChange ? (
                    <td>
                      <RowActionForm action={removePaperImportAction} fields={{ locale, campaign: loaded.campaign.id, import: batch.id }} warning label={t("removeLabel", { label: batch.handDay ? t("handLabel", { date: format.dateTime(new Date(`${batch.handDay}T00:00:00Z`), "shortDay") }) : batch.label, count: batch.count })}>
                        {t("remove")}
                      </RowActionForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </OrganiserTable>
          </>
        )}
      </section>
    </div>
  );
}
