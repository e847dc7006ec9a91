import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { reviewTrendingFlag } from "@/lib/abuse/trending-flags";
import { isAppError } from "@/lib/errors";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { requireOrganiser } from "../../require-organiser";
import { resolveTrendingFlagAction } from "./actions";
import { organiserPageMetadata } from "../../page-access";
import { Notice } from "../../notice";
import { HiddenFields } from "../../hidden-fields";

type Props = { params: Promise<{ locale: Locale; flagId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("TrendingFlags", "reviewTitle");

// A flag's burst: what invalidating it would change (read only), then the buttons that do it.
export default async function TrendingFlagPage({ params, searchParams }: Props) {
  const { locale, flagId: id } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const query = await searchParams;
  let review;
  try {
    review = await reviewTrendingFlag({ actor, flagId: id });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND") || isAppError(error, "FORBIDDEN")) notFound();
    throw error;
  }
  const { flag, preview } = review;
  const t = await getTranslations({ locale, namespace: "TrendingFlags" });
  const done = typeof query.done === "string" ? query.done : null;
  const invalidated = done?.match(/^invalidated-(\d+)-(-?\d+)$/);

  return (
    <>
      <h1>{t("reviewHeading")}</h1>
      <p className="lede">
        <LocalizedText values={{ en: flag.campaign.titleEn, ar: flag.campaign.titleAr }} locale={locale} />
      </p>
      {invalidated ? <Notice tone="success">{t("invalidatedNotice", { total: Number(invalidated[1]), change: Math.abs(Number(invalidated[2])) })}</Notice> : null}
      {done === "dismissed" ? <Notice tone="success">{t("dismissedNotice")}</Notice> : null}
      {query.error === "forbidden" ? (
        <p className="notice" role="alert">
          {t("forbidden")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("source")}</dt>
        <dd>
          {t(`kinds.${flag.kind}`)} <bdi dir="ltr">{flag.value}</bdi>
        </dd>
        <dt>{t("hour")}</dt>
        <dd>
          <bdi dir="ltr">{`${flag.hourStart.toISOString().slice(0, 16).replace("T", " ")} UTC`}</bdi>
        </dd>
        <dt>{t("confirmed")}</dt>
        <dd>{formatNumber(flag.confirmed, locale)}</dd>
      </dl>
      <h2>{t("previewHeading")}</h2>
      <p data-testid="burst-preview">
        {t("preview", { total: preview.total, confirmed: preview.byState.CONFIRMED, pending: preview.byState.PENDING, fraudulent: preview.byState.FRAUDULENT })}
      </p>
      {flag.resolvedAt ? (
        <p>{t("resolved")}</p>
      ) : (
        <form action={resolveTrendingFlagAction} className="organiser-form">
          <HiddenFields values={{ locale, flag: flag.id }} />
          <button type="submit" name="intent" value="invalidate" className="button">
            {t("invalidate", { total: preview.total })}
          </button>{" "}
          <button type="submit" name="intent" value="dismiss" className="button button-secondary">
            {t("dismiss")}
          </button>
        </form>
      )}
      <p>
        <a href={`/${locale}/organiser/campaigns/${encodeURIComponent(flag.campaign.id)}/signatures`}>{t("toSignatures")}</a>
      </p>
    </>
  );
}
