// Closed-model load with autocannon: a fixed number of connections, each sending its next request
// when the previous one is answered. Used for throughput (req/s) and latency at that concurrency.
import autocannon from "autocannon";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  // Answers of the expected kind, other answers, and connection errors/timeouts.
  ok: number;
  notOk: number;
  errors: number;
};

export type LoadOptions = {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: "GET" | "POST";
  // Builds each request (a fresh body per request, e.g. a new signer).
  request?: () => { body?: Buffer | string; headers?: Record<string, string> };
  // Which status codes count as success (default 2xx).
  expect?: (status: number) => boolean;
  // Ends the load early (a background load kept up while something else is measured).
  signal?: AbortSignal;
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let ok = 0;
  let notOk = 0;
  const expect = options.expect ?? ((status) => status >= 200 && status < 300);
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: options.method ?? "GET",
        setupRequest: (request) => {
          if (!options.request) return request;
          const built = options.request();
          return { ...request, body: built.body, headers: { ...request.headers, ...built.headers } };
        },
      },
    ],
  }, (error, result) => (error ? fail(error) : finish(result)));
  instance.on("response", (_client: unknown, statusCode: number) => {
    if (expect(statusCode)) ok += 1;
    else notOk += 1;
  });
  options.signal?.addEventListener("abort", () => instance.stop(), { once: true });
  const result = await done;
  return {
    requestsPerSecond: result.requests.total / (result.duration || options.durationSeconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    ok,
    notOk,
    errors: result.errors + result.timeouts,
  };
}

// The item whose key is the median (the lower of the middle two for an even count): one whole
// measurement, so its figures stay together.
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor((items.length - 1) / 2)]!;
}

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
