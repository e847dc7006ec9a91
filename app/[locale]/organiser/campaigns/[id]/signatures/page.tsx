import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireOrganiser } from "@/app/[locale]/organiser/require-organiser";
import { LocalizedText } from "@/app/components/localized-text";
import { roleAtLeast } from "@/lib/auth/authorize";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { previewBulkAction, type BulkActionCounts } from "@/lib/moderation/preview-bulk-action";
import { bulkFormSchema, searchFilterFields, type ModerationFieldErrors, type SearchFilterField } from "@/lib/moderation/schema";
import { searchSignatures, type SearchSignaturesResult } from "@/lib/moderation/search-signatures";
import { BulkForm, BulkPreview, ModerationResult, type BulkValues } from "./bulk-form";
import { bulkParams, decodeDone, decodeFieldErrors, decodeFormError, doneParam, firstValue, selectionParams, viewParams, type PageParams } from "./moderation-url";
import { ResultsTable } from "./results-table";
import { SearchForm } from "./search-form";
import { organiserPageMetadata } from "../../../page-access";
import { BackLink, campaignOverviewPath } from "../../../back-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<PageParams> };

export const generateMetadata = organiserPageMetadata("Moderation", "metaTitle", { noIndex: true });

// The bulk form starts from what the moderator is looking at: filtered by one IP hash, domain,
// address or country, that is what it offers to act on.
function bulkValuesFrom(query: PageParams, filters: Record<SearchFilterField, string>): BulkValues {
  const echoed = { action: firstValue(query[bulkParams.action]) ?? "", by: firstValue(query[bulkParams.by]) ?? "", value: firstValue(query[bulkParams.value]) ?? "", reason: firstValue(query[bulkParams.reason]) ?? "" };
  if (echoed.by || echoed.value) return echoed;
  const set = (["ipHash", "emailDomain", "email", "country"] as const).filter((field) => filters[field]);
  return set.length === 1 ? { ...echoed, by: set[0]!, value: filters[set[0]!] } : echoed;
}

export default async function SignaturesPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "Moderation" });
  const filters = Object.fromEntries(searchFilterFields.map((field) => [field, firstValue(query[field]) ?? ""])) as Record<SearchFilterField, string>;
  const view = viewParams(query);

  const notVisible = (error: unknown): never => {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  };
  let result: SearchSignaturesResult;
  let filterErrors: ModerationFieldErrors = {};
  try {
    result = await searchSignatures({ actor, campaignId: id, filters, page: firstValue(query.page) });
  } catch (error) {
    if (!isAppError(error, "VALIDATION")) return notVisible(error);
    filterErrors = error.fields as ModerationFieldErrors;
    // Filters that do not make sense show their errors and no rows, not every signature.
    result = { ...(await searchSignatures({ actor, campaignId: id, filters: {}, pageSize: 1 }).catch(notVisible)), rows: [], total: 0, pageCount: 1 };
  }
  const canModerate = roleAtLeast(result.role, "ORGANISER");
  const context = { locale, campaignId: result.campaign.id, view };

  const bulkValues = bulkValuesFrom(query, filters);
  let preview: BulkActionCounts | null = null;
  if (canModerate && firstValue(query[bulkParams.preview]) === "1") {
    const request = bulkFormSchema.safeParse({ action: bulkValues.action, by: bulkValues.by, value: bulkValues.value, reason: bulkValues.reason });
    if (request.success) {
      preview = await previewBulkAction({ actor, campaignId: result.campaign.id, selector: request.data.selector, action: request.data.action }).catch((error: unknown) => {
        if (isAppError(error, "VALIDATION") || isAppError(error, "FORBIDDEN")) return null;
        return notVisible(error);
      });
    }
  }
  const done = decodeDone(firstValue(query[doneParam]));

  return (
    <div className="moderation">
      <BackLink href={campaignOverviewPath(locale, result.campaign.id)}>{t("back")}</BackLink>
      <h1>{t("title")}</h1>
      <LocalizedText as="p" className="lede" values={result.campaign.title} primary={result.campaign.primaryLocale} locale={locale} />
      {done ? <ModerationResult locale={locale} counts={done} /> : null}
      {preview ? <BulkPreview context={context} values={bulkValues} counts={preview} /> : null}
      {!canModerate ? <p className="notice">{t("viewerNotice")}</p> : null}

      <SearchForm locale={locale} campaignId={result.campaign.id} values={filters} errors={filterErrors} searchEmails={canModerate} />
      {Object.keys(filterErrors).length === 0 ? (
        <ResultsTable
          locale={locale}
          result={result}
          view={view}
          canModerate={canModerate}
          errors={decodeFieldErrors(firstValue(query[selectionParams.errors]), ["ids", "reason", "action"])}
          formError={decodeFormError(firstValue(query[selectionParams.formError]))}
        />
      ) : null}
      {canModerate ? (
        <BulkForm
          context={context}
          values={bulkValues}
          errors={decodeFieldErrors(firstValue(query[bulkParams.errors]), ["action", "by", "value", "reason"])}
          formError={decodeFormError(firstValue(query[bulkParams.formError]))}
        />
      ) : null}
    </div>
  );
}
