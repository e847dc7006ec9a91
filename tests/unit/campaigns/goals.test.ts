import { describe, expect, it } from "vitest";
import { goalProgress } from "../../../lib/campaigns/goals";

const ladder = [1_000, 10_000, 100_000];

describe("goalProgress", () => {
  it("aims at the first rung while below it", () => {
    expect(goalProgress(0, ladder)).toEqual({ count: 0, goal: 1_000, percent: 0, reachedAll: false });
    expect(goalProgress(250, ladder)).toEqual({ count: 250, goal: 1_000, percent: 25, reachedAll: false });
  });

  it("never rounds up to a rung not yet reached", () => {
    expect(goalProgress(999, ladder)).toMatchObject({ goal: 1_000, percent: 99 });
    expect(goalProgress(9_999, ladder)).toMatchObject({ goal: 10_000, percent: 99 });
  });

  it("moves to the next rung the moment one is reached", () => {
    expect(goalProgress(1_000, ladder)).toEqual({ count: 1_000, goal: 10_000, percent: 10, reachedAll: false });
    expect(goalProgress(10_000, ladder)).toMatchObject({ goal: 100_000, percent: 10, reachedAll: false });
  });

  it("stays on the top rung, full, once every goal is reached", () => {
    expect(goalProgress(100_000, ladder)).toEqual({ count: 100_000, goal: 100_000, percent: 100, reachedAll: true });
    expect(goalProgress(250_000, ladder)).toEqual({ count: 250_000, goal: 100_000, percent: 100, reachedAll: true });
  });

  it("reads the ladder in order, whatever order it is stored in, and ignores rungs that are not positive", () => {
    expect(goalProgress(1_500, [100_000, 0, 1_000, -5, 10_000])).toEqual(goalProgress(1_500, ladder));
    expect(goalProgress(1_500, [100_000, 1_000, 10_000])).toMatchObject({ goal: 10_000, percent: 15 });
  });

  it("does not change the ladder it is given", () => {
    const goals = [10_000, 1_000];
    goalProgress(5, goals);
    expect(goals).toEqual([10_000, 1_000]);
  });

  it("a campaign without goals has a count and no goal, and never claims to have reached them all", () => {
    expect(goalProgress(0, [])).toEqual({ count: 0, goal: null, percent: 0, reachedAll: false });
    expect(goalProgress(42, [])).toEqual({ count: 42, goal: null, percent: 0, reachedAll: false });
  });
});
