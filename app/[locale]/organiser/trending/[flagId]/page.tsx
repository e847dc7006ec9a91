import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { reviewTrendingFlag } from "@/lib/abuse/trending-flags";
import { isAppError } from "@/lib/errors";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { heldReasons } from "@/lib/moderation/schema";
import { requireOrganiser } from "../../require-organiser";
import { resolveTrendingFlagAction } from "./actions";
import { organiserPageMetadata } from "../../page-access";
import { Notice } from "../../notice";
import { HiddenFields } from "../../hidden-fields";

type Props = { params: Promise<{ locale: Locale; flagId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("TrendingFlags", "reviewTitle");

// A flag's burst: the signatures held for review and what releasing them would count, what
// invalidating the burst would change (read only), then the buttons that do it.
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
  const { flag, preview, release, heldReasons: reasons, connectionAllowed } = review;
  const t = await getTranslations({ locale, namespace: "TrendingFlags" });
  const moderation = await getTranslations({ locale, namespace: "Moderation" });
  const done = typeof query.done === "string" ? query.done : null;
  const invalidated = done?.match(/^invalidated-(\d+)-(-?\d+)$/);
  const released = done?.match(/^(released|allowed)-(\d+)-(-?\d+)$/);
  const reasonLabel = (reason: string) => moderation(`heldReasons.${(heldReasons as readonly string[]).includes(reason) ? (reason as (typeof heldReasons)[number]) : "rate-limit"}`);
  const signaturesHref = `/${locale}/organiser/campaigns/${encodeURIComponent(flag.campaign.id)}/signatures`;
  const heldHref = flag.kind === "IP_HASH" ? `${signaturesHref}?state=HELD&ipHash=${encodeURIComponent(flag.value)}` : `${signaturesHref}?state=HELD&emailDomain=${encodeURIComponent(flag.value)}`;

  return (
    <>
      <h1>{t("reviewHeading")}</h1>
      <p className="lede">
        <LocalizedText values={flag.campaign.title} locale={locale} primary={flag.campaign.primaryLocale} />
      </p>
      {invalidated ? <Notice tone="success">{t("invalidatedNotice", { total: Number(invalidated[1]), change: Math.abs(Number(invalidated[2])) })}</Notice> : null}
      {released ? (
        <Notice tone="success">
          {t("releasedNotice", { total: Number(released[2]), change: Number(released[3]) })}
          {released[1] === "allowed" ? ` ${t("allowedNotice")}` : null}
        </Notice>
      ) : null}
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
        <dt>{t("held")}</dt>
        <dd data-testid="flag-held">{formatNumber(release.total, locale)}</dd>
      </dl>

      {release.total > 0 ? (
        <section aria-labelledby="held-heading">
          <h2 id="held-heading">{t("heldHeading")}</h2>
          <p data-testid="held-preview">{t("heldPreview", { total: release.total, confirmed: release.byState.CONFIRMED, pending: release.byState.PENDING })}</p>
          <p className="hint">{t("heldExplained")}</p>
          <ul>
            {reasons.map((group) => (
              <li key={group.reason}>{t("heldReason", { reason: reasonLabel(group.reason), count: group.count })}</li>
            ))}
          </ul>
          <p>
            <a href={heldHref}>{t("heldList")}</a>
          </p>
          {flag.resolvedAt ? null : (
            <form action={resolveTrendingFlagAction} className="organiser-form">
              <HiddenFields values={{ locale, flag: flag.id }} />
              <button type="submit" name="intent" value="release" className="button">
                {t("release", { total: release.total })}
              </button>
              {flag.kind === "IP_HASH" && !connectionAllowed ? (
                <div className="allow-connection">
                  <p className="hint" id="allow-hint">
                    {t("allowHint")}
                  </p>
                  <button type="submit" name="intent" value="allow" className="button button-secondary" aria-describedby="allow-hint">
                    {t("allow", { total: release.total })}
                  </button>
                </div>
              ) : null}
            </form>
          )}
        </section>
      ) : null}
      {flag.kind === "IP_HASH" && connectionAllowed ? <p data-testid="connection-allowed">{t("connectionAllowed")}</p> : null}

      <h2>{t("previewHeading")}</h2>
      <p data-testid="burst-preview">
        {t("preview", { total: preview.total, confirmed: preview.byState.CONFIRMED, pending: preview.byState.PENDING, held: preview.byState.HELD + preview.byState.FRAUDULENT })}
      </p>
      {flag.resolvedAt ? (
        <p>{t("resolved")}</p>
      ) : (
        <form action={resolveTrendingFlagAction} className="organiser-form">
          <HiddenFields values={{ locale, flag: flag.id }} />
          <button type="submit" name="intent" value="invalidate" className="button button-warning">
            {t("invalidate", { total: preview.total })}
          </button>{" "}
          <button type="submit" name="intent" value="dismiss" className="button button-secondary">
            {t("dismiss")}
          </button>
        </form>
      )}
      <p>
        <a href={signaturesHref}>{t("toSignatures")}</a>
      </p>
    </>
  );
}
