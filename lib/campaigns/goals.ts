// goal is null for a campaign without a goal ladder: it has a count and nothing to measure it by.
// count is every signature that counts; breakdown, present once any were gathered on paper, says
// how many of them were confirmed online by e-mail and how many were entered from paper sheets.
export type GoalProgress = { count: number; goal: number | null; percent: number; reachedAll: boolean; breakdown?: { online: number; paper: number } };

// The next rung of the goal ladder above the count; past the top rung, the top rung itself.
export function goalProgress(online: number, goals: readonly number[], paper = 0): GoalProgress {
  const count = online + paper;
  const progress = ladderProgress(count, goals);
  return paper > 0 ? { ...progress, breakdown: { online, paper } } : progress;
}

function ladderProgress(count: number, goals: readonly number[]): GoalProgress {
  const ladder = [...goals].filter((goal) => goal > 0).sort((a, b) => a - b);
  const top = ladder.at(-1);
  if (top === undefined) return { count, goal: null, percent: 0, reachedAll: false };
  const next = ladder.find((goal) => goal > count);
  const goal = next ?? top;
  const percent = Math.min(100, Math.floor((count / goal) * 100));
  return { count, goal, percent, reachedAll: next === undefined };
}
