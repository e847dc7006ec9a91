// The campaign page's live count, in the browser: the count endpoint asked every few seconds while
// the page is visible, and at once when it is shown again. The page's React meter
// (app/components/progress-meter.tsx) and the light page's script (lib/light-page/client.ts) both
// keep themselves current with it.

// The public count may lag by seconds, never minutes.
const livePollMs = 3_000;

// Calls onCount with each answer of `url` (JSON); returns the function that stops the polling.
export function pollCount<T>(url: string, onCount: (body: T) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  async function refresh(): Promise<void> {
    if (document.visibilityState === "visible") {
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (response.ok && !stopped) onCount((await response.json()) as T);
      } catch {
        // Offline for a moment: keep the last count and try again.
      }
    }
    if (!stopped) timer = setTimeout(() => void refresh(), livePollMs);
  }
  const onVisible = () => {
    if (document.visibilityState !== "visible") return;
    clearTimeout(timer);
    void refresh();
  };
  void refresh();
  document.addEventListener("visibilitychange", onVisible);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisible);
  };
}
