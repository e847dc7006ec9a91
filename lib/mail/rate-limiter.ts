// Spaces requests to the mail provider evenly, at most `perSecond` of them a second from this
// process, however many delivery rounds run at once (Resend answers 429 above its limit).
export type RateLimiter = { acquire(): Promise<void> };

export function rateLimiter(perSecond: number): RateLimiter {
  const spacingMs = 1000 / perSecond;
  let nextSlot = 0;
  return {
    acquire() {
      const now = Date.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + spacingMs;
      const wait = slot - now;
      return wait <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}
