// Work a request starts but its answer does not wait for. Route handlers and server actions pass
// Next.js's after(), which runs it once the answer has been sent; without one (scripts, tests) it
// runs at once and its failure is the caller's.
export type AfterResponse = (task: () => Promise<void>) => void;

export async function runAfterResponse(afterResponse: AfterResponse | undefined, label: string, task: () => Promise<void>): Promise<void> {
  if (!afterResponse) return task();
  afterResponse(async () => {
    try {
      await task();
    } catch (error) {
      // The error's name only: a database error's message can quote personal data.
      console.error(`${label}:`, error instanceof Error ? error.name : "unknown error");
    }
  });
}
