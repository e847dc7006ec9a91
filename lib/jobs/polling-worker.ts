export type PollingWorker = { stop(): Promise<void> };

// The one timer loop of the background work, for the queues' workers and the scheduler: runs a
// round now, then after `pollMs`, and at once when woken. Rounds never overlap; a round that says
// more may be due (or a wake during it) is followed straight away by another.
export function startPollingWorker(options: {
  name: string;
  // A number, or asked after each round (the scheduler waits until its next period begins).
  pollMs: number | (() => number);
  // Resolves true when there may be more work due right now.
  round: () => Promise<boolean>;
  // Subscribes to "look now" signals; returns the unsubscribe.
  onWake?: (listener: () => void) => () => void;
}): PollingWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wokenWhileRunning = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref?.();
  };

  function tick(): void {
    if (running) {
      wokenWhileRunning = true;
      return;
    }
    running = (async () => {
      try {
        let more: boolean;
        do {
          wokenWhileRunning = false;
          more = await options.round();
        } while (!stopped && (more || wokenWhileRunning));
      } catch (error) {
        console.error(`[${options.name}] round failed:`, error instanceof Error ? error.message : error);
      } finally {
        running = undefined;
        schedule(typeof options.pollMs === "number" ? options.pollMs : options.pollMs());
      }
    })();
  }

  const unsubscribe = options.onWake?.(() => schedule(0));
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
      await running;
    },
  };
}
