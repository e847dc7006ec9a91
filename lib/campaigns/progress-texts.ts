import type { GoalProgress } from "@/lib/campaigns/goals";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

type Values = Record<string, string | number>;
type Translators = { progress: (key: "signatures" | "towardGoal" | "allGoalsReached", values?: Values) => string; paper: (key: "breakdown", values: Values) => string };

export type ProgressTexts = { count: string; signatures: string; breakdown: string | null; goal: string | null; valueText: string | null };

// The words of a campaign's count in a language: the count, "signatures" in its plural, the
// online and paper breakdown, and the line toward the next goal (the progress bar reads it out).
// The meter on the page and the count endpoint (which the page's script asks for) share them.
export function progressTexts(progress: GoalProgress, locale: Locale, t: Translators): ProgressTexts {
  const toward = progress.goal === null ? null : t.progress("towardGoal", { percent: progress.percent, goal: formatNumber(progress.goal, locale) });
  return {
    count: formatNumber(progress.count, locale),
    signatures: t.progress("signatures", { count: progress.count }),
    breakdown: progress.breakdown ? t.paper("breakdown", { online: formatNumber(progress.breakdown.online, locale), paper: formatNumber(progress.breakdown.paper, locale) }) : null,
    goal: progress.goal === null ? null : progress.reachedAll ? t.progress("allGoalsReached") : toward,
    valueText: toward,
  };
}
