"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { GoalProgress } from "@/lib/campaigns/goals";
import { pollCount } from "@/lib/campaigns/live-count";
import { progressTexts } from "@/lib/campaigns/progress-texts";
import type { Locale } from "@/lib/i18n/locales";

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
    return pollCount<GoalProgress>(`/api/campaigns/${encodeURIComponent(liveSlug)}/count`, (body) => {
      setProgress(body);
      setLive(true);
    });
  }, [liveSlug]);

  const texts = progressTexts(progress, locale, { progress: t, paper: paperCount });
  const count = (
    <p className="progress-count">
      <strong data-testid="signature-count">{texts.count}</strong> {texts.signatures}
      {texts.breakdown ? (
        <span className="progress-breakdown" data-testid="signature-breakdown">
          {texts.breakdown}
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
        aria-valuetext={texts.valueText ?? undefined}
      >
        <span style={{ inlineSize: `${progress.percent}%` }} />
      </div>
      <p className="progress-goal">{texts.goal}</p>
    </div>
  );
}
