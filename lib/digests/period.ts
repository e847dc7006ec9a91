import type { DigestCadence } from "../generated/prisma/enums";

// The period a scheduled digest belongs to, in UTC: one digest per (campaign, decision-maker, key).
// Weekly keys use ISO weeks ("2026-W47"), so a week always starts on Monday and the year is the
// week's own year (29 December 2025 is in 2026-W01).
export function digestPeriod(cadence: Exclude<DigestCadence, "OFF">, at: Date): string {
  if (cadence === "DAILY") return `daily:${at.toISOString().slice(0, 10)}`;
  const { year, week } = isoWeek(at);
  return `weekly:${year}-W${String(week).padStart(2, "0")}`;
}

export function milestonePeriod(goal: number): string {
  return `milestone:${goal}`;
}

export function isoWeek(at: Date): { year: number; week: number } {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides which year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return { year: day.getUTCFullYear(), week };
}
