"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { GoalProgress } from "@/lib/campaigns/goals";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

// How often an open page asks for the count: the public count may lag by seconds, never minutes.
const livePollMs = 3_000;

type Props = { progress: GoalProgress; locale: Locale; size?: "large" | "small"; liveSlug?: string };

// The count and the bar toward the next goal. Given a campaign's slug it keeps itself current
// from the count endpoint while the page is open (without JavaScript it shows the count it was
// rendered with).
export function ProgressMeter({ progress: initial, locale, size = "large", liveSlug }: Props) {
  const t = useTranslations("Progress");
  const paperCount = useTranslations("PaperCount");
  const [progress, setProgress] = useState(initial);
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!liveSlug) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const url = `/api/campaigns/${encodeURIComponent(liveSlug)}/count`;
    async function refresh() {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(url, { cache: "no-store" });
          if (response.ok && !stopped) {
            setProgress((await response.json()) as GoalProgress);
            setLive(true);
          }
        } catch {
          // Offline for a moment: keep the last count and try again.
        }
      }
      if (!stopped) timer = setTimeout(refresh, livePollMs);
    }
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      clearTimeout(timer);
      void refresh();
    };
    void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [liveSlug]);

  const count = (
    <p className="progress-count">
      <strong data-testid="signature-count">{formatNumber(progress.count, locale)}</strong> {t("signatures", { count: progress.count })}
      {progress.breakdown ? (
        <span className="progress-breakdown" data-testid="signature-breakdown">
          {paperCount("breakdown", { online: formatNumber(progress.breakdown.online, locale), paper: formatNumber(progress.breakdown.paper, locale) })}
        </span>
      ) : null}
    </p>
  );
  const liveState = liveSlug ? (live ? "live" : "rendered") : undefined;
  if (progress.goal === null)
    return (
      <div className={`progress progress-${size}`} data-live={liveState}>
        {count}
      </div>
    );
  const goal = formatNumber(progress.goal, locale);
  return (
    <div className={`progress progress-${size}`} data-live={liveState}>
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
