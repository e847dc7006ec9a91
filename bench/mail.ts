// Confirmation e-mail latency at a fixed arrival rate (an open model: a new signer arrives every
// 20 ms whether or not the previous one has been answered), from the sign request to the message
// reaching the mail provider (a local capture server speaking Resend's API).
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import pg from "pg";
import { argValue } from "../tests/fixtures/cli";
import { startResendCapture } from "../tests/fixtures/resend-capture";
import { distinctIp, isSignSuccess, signForm, signRequest } from "./support/forms";
import { percentile } from "./support/load";
import { formatCount, formatMs } from "./support/report";
import type { Benchmark } from "./support/runner";

type Sent = { email: string; startedAt: number; status?: number; answeredAt?: number; location?: string | null };

function post(url: string, agent: Agent, body: Buffer, headers: Record<string, string>): Promise<{ status: number; location: string | null }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { ...headers, "content-length": String(body.byteLength) } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

export const mailBenchmark: Benchmark = {
  name: "mail",
  async run(context, args) {
    const quick = args.includes("--quick");
    const rate = Number(argValue("--mail-rate", args) ?? 50);
    const seconds = Number(argValue("--mail-seconds", args) ?? (quick ? 6 : 20));
    const benchmark = "confirmation e-mail";
    const capture = await startResendCapture();
    context.onCleanup(() => capture.stop());
    const url = await context.postgresDatabase(`nida_bench_mail_${randomUUID().slice(0, 8)}`);
    const server = await context.server("postgres-mail", {
      DATABASE_URL: url,
      JOBS_ENABLED: "true",
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: capture.url,
    });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const slug = (await client.query<{ slug: string }>(`SELECT slug FROM campaigns WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`)).rows[0]!.slug;
    await client.end();
    const form = await signForm(server.url, slug);
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    const target = `${server.url}/en/campaigns/${slug}`;
    const run = randomUUID().slice(0, 6);

    // Warm the sign path and the mail templates first.
    for (let i = 0; i < 5; i++) {
      const { body, headers } = signRequest(server.url, form, { name: "Warm-up", email: `warm-${run}-${i}@example.org` }, distinctIp(900_000 + i));
      await post(target, agent, body, headers);
    }
    await capture.waitForMessage({ to: `warm-${run}-4@example.org` }, { timeoutMs: 60_000 });

    console.log(`[bench] mail: ${rate} signatures/s for ${seconds} s`);
    const total = rate * seconds;
    const sent: Sent[] = [];
    const inFlight: Promise<void>[] = [];
    const wallStart = Date.now();
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const email = `mail-${run}-${i}@example.org`;
      const entry: Sent = { email, startedAt: wallStart + (performance.now() - start) };
      sent.push(entry);
      const { body, headers } = signRequest(server.url, form, { name: `Signer ${i}`, email }, distinctIp(800_000 + i));
      inFlight.push(
        post(target, agent, body, headers).then(
          (answer) => {
            entry.status = answer.status;
            entry.location = answer.location;
            entry.answeredAt = wallStart + (performance.now() - start);
          },
          () => {
            entry.status = 0;
          },
        ),
      );
    }
    const offeredSeconds = (performance.now() - start) / 1000;
    await Promise.all(inFlight);
    agent.destroy();
    const signed = sent.filter((entry) => isSignSuccess(entry.status ?? 0, entry.location));

    // Every confirmation must arrive; wait for the last ones (a slow machine may take a while).
    const waitStarted = performance.now();
    const received = new Map<string, number>();
    while (performance.now() - waitStarted < 120_000) {
      for (const message of capture.messages()) {
        for (const to of message.to) if (!received.has(to)) received.set(to, Date.parse(message.receivedAt));
      }
      if (signed.every((entry) => received.has(entry.email))) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const latencies = signed.filter((entry) => received.has(entry.email)).map((entry) => received.get(entry.email)! - entry.startedAt);
    const answerTimes = signed.map((entry) => entry.answeredAt! - entry.startedAt);
    const missing = signed.length - latencies.length;
    return [
      { benchmark, figure: `offered load`, value: `${formatCount(total / offeredSeconds)} signatures/s for ${seconds} s` },
      { benchmark, figure: `sign requests answered with success`, value: `${formatCount(signed.length)} of ${formatCount(total)}`, target: "all" },
      { benchmark, figure: `sign answer p50 / p95`, value: `${formatMs(percentile(answerTimes, 50))} / ${formatMs(percentile(answerTimes, 95))}` },
      { benchmark, figure: `sign → e-mail at provider p50 / p95`, value: `${formatMs(percentile(latencies, 50))} / ${formatMs(percentile(latencies, 95))}`, target: "p95 ≤ 10 s" },
      { benchmark, figure: `e-mails not delivered within 2 min`, value: formatCount(missing), target: "0" },
    ];
  },
};
