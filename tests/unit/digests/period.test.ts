import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../../fixtures/fingerprint";
import { digestPeriod, milestonePeriod, parsePeriod } from "../../../lib/digests/period";

describe("digestPeriod", () => {
  it("names the UTC day for daily digests", () => {
    expect(digestPeriod("DAILY", new Date("2026-11-21T23:59:59Z"))).toBe("daily:2026-11-21");
    expect(digestPeriod("DAILY", new Date("2026-11-22T00:00:00Z"))).toBe("daily:2026-11-22");
  });

  it("names the ISO week for weekly digests, Monday to Sunday, in the week's own year", () => {
    expect(digestPeriod("WEEKLY", new Date("2026-11-16T00:00:00Z"))).toBe("weekly:2026-W47");
    expect(digestPeriod("WEEKLY", new Date("2026-11-22T23:59:59Z"))).toBe("weekly:2026-W47");
    expect(digestPeriod("WEEKLY", new Date("2026-11-23T00:00:00Z"))).toBe("weekly:2026-W48");
    expect(digestPeriod("WEEKLY", new Date("2025-12-29T12:00:00Z"))).toBe("weekly:2026-W01");
    expect(digestPeriod("WEEKLY", new Date("2027-01-01T12:00:00Z"))).toBe("weekly:2026-W53");
  });

  it("names a milestone by its goal", () => {
    expect(milestonePeriod(10_000)).toBe("milestone:10000");
  });
});

describe("parsePeriod", () => {
  it("reads back the day, the Monday of the ISO week, or the goal of every key digestPeriod writes", () => {
    expect(parsePeriod("daily:2026-12-06")).toEqual({ kind: "daily", day: new Date("2026-12-06T00:00:00Z") });
    expect(parsePeriod("weekly:2026-W49")).toEqual({ kind: "weekly", monday: new Date("2026-11-30T00:00:00Z") });
    expect(parsePeriod("weekly:2026-W01")).toEqual({ kind: "weekly", monday: new Date("2025-12-29T00:00:00Z") });
    expect(parsePeriod("weekly:2026-W53")).toEqual({ kind: "weekly", monday: new Date("2026-12-28T00:00:00Z") });
    expect(parsePeriod("milestone:10000")).toEqual({ kind: "milestone", goal: 10_000 });
    // Any day of a week reads back to that week's Monday.
    for (let day = 0; day < 400; day += 3) {
      const at = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
      const parsed = parsePeriod(digestPeriod("WEEKLY", at));
      expect(parsed?.kind).toBe("weekly");
      const monday = (parsed as { monday: Date }).monday;
      expect(monday.getUTCDay()).toBe(1);
      expect(at.getTime() - monday.getTime()).toBeGreaterThanOrEqual(0);
      expect(at.getTime() - monday.getTime()).toBeLessThan(7 * 86_400_000);
    }
  });

  it("refuses keys it does not write", () => {
    for (const key of ["daily:2026-13-45", "weekly:2026-W54", "weekly:2026-W00", "monthly:2026-12", "milestone:", "2026-12-06"]) expect(parsePeriod(key), key).toBeNull();
  });
});

describe("fingerprintOf", () => {
  it("is SHA-256 over the ids sorted by code point, one per line, whatever order they come in", () => {
    const expected = createHash("sha256").update("A1\na1\nb2").digest("hex");
    expect(fingerprintOf(["b2", "a1", "A1"])).toBe(expected);
    expect(fingerprintOf(["a1", "A1", "b2"])).toBe(expected);
  });

  it("changes when one signature is added or removed", () => {
    expect(fingerprintOf(["a", "b"])).not.toBe(fingerprintOf(["a", "b", "c"]));
    expect(fingerprintOf([])).toBe(createHash("sha256").update("").digest("hex"));
  });
});
