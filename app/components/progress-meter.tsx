import { getTranslations } from "next-intl/server";
import type { GoalProgress } from "@/lib/campaigns/goals";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

export async function ProgressMeter({ progress, locale, size = "large" }: { progress: GoalProgress; locale: Locale; size?: "large" | "small" }) {
  const t = await getTranslations({ locale, namespace: "Progress" });
  const count = (
    <p className="progress-count">
      <strong data-testid="signature-count">{formatNumber(progress.count, locale)}</strong> {t("signatures", { count: progress.count })}
    </p>
  );
  if (progress.goal === null) return <div className={`progress progress-${size}`}>{count}</div>;
  const goal = formatNumber(progress.goal, locale);
  return (
    <div className={`progress progress-${size}`}>
      {count}
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={progress.goal}
        aria-valuenow={Math.min(progress.count, progress.goal)}
        aria-valuetext={t("towardGoal", { percent: progress.percent, goal })}
      >
        <span style={{ inlineSize: `${progress.percent}%` }} />
      </div>
      <p className="progress-goal">{progress.reachedAll ? t("allGoalsReached") : t("towardGoal", { percent: progress.percent, goal })}</p>
    </div>
  );
}
