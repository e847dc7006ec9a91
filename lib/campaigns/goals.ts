// goal is null for a campaign without a goal ladder: it has a count and nothing to measure it by.
export type GoalProgress = { count: number; goal: number | null; percent: number; reachedAll: boolean };

// The next rung of the goal ladder above the count; past the top rung, the top rung itself.
export function goalProgress(count: number, goals: readonly number[]): GoalProgress {
  const ladder = [...goals].filter((goal) => goal > 0).sort((a, b) => a - b);
  const top = ladder.at(-1);
  if (top === undefined) return { count, goal: null, percent: 0, reachedAll: false };
  const next = ladder.find((goal) => goal > count);
  const goal = next ?? top;
  const percent = Math.min(100, Math.floor((count / goal) * 100));
  return { count, goal, percent, reachedAll: next === undefined };
}
