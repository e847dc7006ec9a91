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

// A delivery pack handed over in person, keyed by the moment its count was taken.
export function inPersonPeriod(countedAt: Date): string {
  return `in-person:${countedAt.toISOString()}`;
}

function isoWeek(at: Date): { year: number; week: number } {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides which year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return { year: day.getUTCFullYear(), week };
}

export type DigestPeriod =
  | { kind: "daily"; day: Date }
  | { kind: "weekly"; monday: Date }
  | { kind: "milestone"; goal: number }
  | { kind: "inPerson"; countedAt: Date };

// A period key read back, for people: the day, the Monday its ISO week starts on, the goal, or
// the moment an in-person pack was counted.
// Null for a key this code does not write.
export function parsePeriod(periodKey: string): DigestPeriod | null {
  const daily = /^daily:(\d{4}-\d{2}-\d{2})$/.exec(periodKey);
  if (daily) {
    const day = new Date(`${daily[1]}T00:00:00Z`);
    return Number.isNaN(day.getTime()) ? null : { kind: "daily", day };
  }
  const weekly = /^weekly:(\d{4})-W(\d{2})$/.exec(periodKey);
  if (weekly) {
    const week = Number(weekly[2]);
    if (week < 1 || week > 53) return null;
    // 4 January is always in week 1; its week's Monday starts week 1.
    const fourth = new Date(Date.UTC(Number(weekly[1]), 0, 4));
    const monday = new Date(fourth.getTime() - ((fourth.getUTCDay() || 7) - 1) * 86_400_000 + (week - 1) * 7 * 86_400_000);
    return { kind: "weekly", monday };
  }
  const milestone = /^milestone:(\d{1,10})$/.exec(periodKey);
  if (milestone) return { kind: "milestone", goal: Number(milestone[1]) };
  const inPerson = /^in-person:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/.exec(periodKey);
  if (inPerson) return { kind: "inPerson", countedAt: new Date(inPerson[1]!) };
  return null;
}
