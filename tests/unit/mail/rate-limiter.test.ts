import { describe, expect, it } from "vitest";
import { rateLimiter } from "../../../lib/mail/rate-limiter";

describe("rateLimiter", () => {
  it("spaces requests evenly, however many callers ask at once", async () => {
    const pace = rateLimiter(20);
    const started = Date.now();
    const times = await Promise.all(Array.from({ length: 5 }, () => pace.acquire().then(() => Date.now() - started)));
    const sorted = [...times].sort((a, b) => a - b);
    expect(sorted[0]).toBeLessThan(40);
    // 20 a second: one every 50 ms, so the fifth goes 200 ms after the first (timers may fire a little early).
    expect(sorted[4]! - sorted[0]!).toBeGreaterThanOrEqual(195);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(45);
  });
});
