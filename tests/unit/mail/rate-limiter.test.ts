import { describe, expect, it } from "vitest";
import { rateLimiter } from "../../../lib/mail/rate-limiter";

describe("rateLimiter", () => {
  it("spaces requests evenly, however many callers ask at once", async () => {
    const pace = rateLimiter(20);
    const started = Date.now();
    const times = await Promise.all(Array.from({ length: 5 }, () => pace.acquire().then(() => Date.now() - started)));
    const sorted = [...times].sort((a, b) => a - b);
    // 20 a second: one every 50 ms, so the fifth goes 200 ms after the first (timers may fire a millisecond early, or late under load).
    expect(sorted[4]! - sorted[0]!).toBeGreaterThanOrEqual(195);
    // Never more than one in any 50 ms window counted from the first: the n-th waits n × 50 ms.
    sorted.forEach((at, n) => expect(at - sorted[0]!).toBeGreaterThanOrEqual(n * 50 - 5));
  });
});
