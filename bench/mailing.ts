// An organiser's update to a million supporters, on PostgreSQL, through the production server and
// the Resend capture server: how long fixing the recipients and writing every outbox message
// takes, the server's peak memory meanwhile, the send rate against the provider's limit, and,
// after the server is killed (SIGKILL) mid-send and started again, that every recipient got the
// update exactly once.
//
//   npm run bench -- mailing                                    1,000,000 recipients at 20 requests/s
//   npm run bench -- mailing --recipients 20000 --send-rate 2   at the provider limit Nida starts with
import { randomUUID } from "node:crypto";
import pg from "pg";
import { openDatabase, type PrismaClient } from "../lib/db";
import { sealPlainRows } from "../lib/sealing/seal-plain-rows";
import { argValue } from "../tests/fixtures/cli";
import { freePort } from "../tests/fixtures/free-port";
import { memoryStatus, resetPeak, samplePeakRss } from "../tests/fixtures/process-memory";
import { startResendCapture, type ResendCapture } from "../tests/fixtures/resend-capture";
import { createCampaign, createOrganiserSession } from "./export";
import { hiddenFields, multipart } from "./support/forms";
import { formatCount, formatMb, formatMs, type Figure } from "./support/report";
import type { Benchmark } from "./support/runner";
import type { BenchServer } from "./support/server";

// Messages in one provider request (Resend's batch endpoint takes up to 100).
const messagesPerRequest = 100;

export type UpdateAudience = { organisationId: string; campaignId: string; sessionToken: string; prefix: string };

// `count` supporters who signed `campaignId`, confirmed, and consented to hear from its
// organisation, written by the database itself (generate_series): one statement per table, as a
// database from before sealing held them (sealed afterwards).
// A third read Arabic. Their addresses are recipientAddress(prefix, 1..count).
async function seedConsentingSupporters(client: pg.Client, options: { organisationId: string; campaignId: string; prefix: string; count: number }): Promise<void> {
  const { organisationId, campaignId, prefix, count } = options;
  await client.query(
    `INSERT INTO supporters (id, email_hash, email, locale)
     SELECT $1 || '-sup-' || g, $1 || '.' || g || '@example.org', $1 || '.' || g || '@example.org',
            CASE WHEN g % 3 = 0 THEN 'ar'::"Locale" ELSE 'en'::"Locale" END
       FROM generate_series(1, $2::int) AS g`,
    [prefix, count],
  );
  await client.query(
    `INSERT INTO signatures (id, campaign_id, supporter_id, state, name, country, locale, email_domain, created_at, updated_at, confirmed_at)
     SELECT $1 || '-sig-' || g, $2, $1 || '-sup-' || g, 'CONFIRMED', 'Signer number ' || g, 'SY',
            CASE WHEN g % 3 = 0 THEN 'ar'::"Locale" ELSE 'en'::"Locale" END, 'example.org',
            now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM generate_series(1, $3::int) AS g`,
    [prefix, campaignId, count],
  );
  await client.query(
    `INSERT INTO signature_consents (signature_id, organisation_id) SELECT $1 || '-sig-' || g, $2 FROM generate_series(1, $3::int) AS g`,
    [prefix, organisationId, count],
  );
  await client.query(`INSERT INTO campaign_counters (campaign_id, shard, confirmed) VALUES ($1, 0, $2)`, [campaignId, count]);
}

const recipientAddress = (prefix: string, n: number) => `${prefix}.${n}@example.org`;

// An organisation, its campaign with `count` consenting supporters, and an organiser signed in.
// `sealIn` seals the supporters as the app would have (a client on the same database).
export async function createUpdateAudience(client: pg.Client, sealIn: PrismaClient, count: number): Promise<UpdateAudience> {
  const organisationId = `bench-org-${randomUUID().slice(0, 8)}`;
  await client.query(`INSERT INTO organisations (id, slug, name, updated_at) VALUES ($1, $1, '{"en": "Benchmark organisation"}', now())`, [organisationId]);
  const campaignId = await createCampaign({ client, sealIn, organisationId }, 0);
  const prefix = `upd-${randomUUID().slice(0, 8)}`;
  await seedConsentingSupporters(client, { organisationId, campaignId, prefix, count });
  await sealPlainRows(sealIn);
  const sessionToken = await createOrganiserSession(client, organisationId);
  return { organisationId, campaignId, sessionToken, prefix };
}

// A draft update about the campaign, in English and Arabic, to be mailed.
export async function createDraftUpdate(client: pg.Client, audience: UpdateAudience): Promise<string> {
  const id = `bench-update-${randomUUID().slice(0, 8)}`;
  await client.query(
    `INSERT INTO supporter_updates (id, organisation_id, campaign_id, subject, body, status, mailed, published, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'DRAFT', true, false, now())`,
    [
      id,
      audience.organisationId,
      audience.campaignId,
      { en: "We delivered the petition", ar: "سلّمنا العريضة" },
      { en: "Thank you. On **Monday** we handed it over to the ministry.", ar: "شكرًا لكم. سلّمناها يوم **الإثنين**." },
    ],
  );
  return id;
}

export type SendForm = { page: string; fields: Record<string, string> };

// The "Send" form of the update's page, as its organiser is shown it.
export async function sendForm(server: BenchServer, audience: UpdateAudience, updateId: string): Promise<SendForm> {
  const page = `${server.url}/en/organiser/campaigns/${encodeURIComponent(audience.campaignId)}/updates/${encodeURIComponent(updateId)}`;
  const html = await (await fetch(page, { headers: { cookie: `next-auth.session-token=${audience.sessionToken}` } })).text();
  return { page, fields: hiddenFields(html, 'name="when"') };
}

// Presses "Send" (the form posted as a browser without JavaScript does). Resolves with where the
// server sends the organiser next.
export async function pressSend(server: BenchServer, audience: UpdateAudience, form: SendForm): Promise<{ status: number; location: string | null }> {
  const body = multipart({ ...form.fields, when: "" });
  const response = await fetch(form.page, {
    method: "POST",
    body: new Uint8Array(body.body),
    headers: { cookie: `next-auth.session-token=${audience.sessionToken}`, origin: server.url, "content-type": body.contentType },
    redirect: "manual",
    signal: AbortSignal.timeout(600_000),
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location") };
}

// How each expected address fared at the provider: received twice or more, or never.
export function deliveryTally(capture: ResendCapture, prefix: string, count: number) {
  const tally = capture.recipientTally();
  let doubled = 0;
  let missed = 0;
  for (let n = 1; n <= count; n++) {
    const received = tally.get(recipientAddress(prefix, n)) ?? 0;
    if (received === 0) missed += 1;
    else if (received > 1) doubled += 1;
    tally.delete(recipientAddress(prefix, n));
  }
  return { doubled, missed, unexpected: tally.size };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${formatMs(timeoutMs)} waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const mailingBenchmark: Benchmark = {
  name: "mailing",
  async run(context, args) {
    const count = Number(argValue("--recipients", args) ?? 1_000_000);
    const rate = Number(argValue("--send-rate", args) ?? 20);
    if (!Number.isInteger(count) || count < 2) throw new Error("--recipients must be a whole number of at least 2");
    if (!(rate > 0)) throw new Error("--send-rate must be a positive number of requests a second");
    const benchmark = `update to ${formatCount(count)} (PostgreSQL)`;
    const capture = await startResendCapture({ tallyOnly: true });
    context.onCleanup(() => capture.stop());
    const url = await context.postgresDatabase(`nida_bench_mailing_${randomUUID().slice(0, 8)}`);
    const client = new pg.Client({ connectionString: url, application_name: "nida-bench" });
    await client.connect();
    context.onCleanup(() => client.end());
    const sealing = openDatabase({ databaseUrl: url, pgliteDataDir: "memory://", poolSize: 2 });
    context.onCleanup(() => sealing.close());

    const seeding = performance.now();
    const audience = await createUpdateAudience(client, sealing.prisma, count);
    await client.query("VACUUM ANALYZE");
    console.log(`[bench] mailing: ${formatCount(count)} consenting supporters written in ${formatMs(performance.now() - seeding)}`);
    const updateId = await createDraftUpdate(client, audience);

    // A fixed port: the server started again after the kill has the same address, so the links in
    // a batch it sends again are the very ones the provider saw.
    const env = {
      DATABASE_URL: url,
      JOBS_ENABLED: "true",
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: capture.url,
      MAIL_RATE_PER_SECOND: String(rate),
      PORT: String(await freePort()),
    };
    const server = await context.server("postgres-mailing", env);
    const pid = server.serverPid();
    const rssBefore = memoryStatus(pid)?.rssBytes ?? 0;
    const kernelPeak = resetPeak(pid);
    const sampler = samplePeakRss(() => [pid], 50);

    const form = await sendForm(server, audience, updateId);
    console.log(`[bench] mailing: sending one update to ${formatCount(count)} at ${rate} provider requests/s`);
    const started = performance.now();
    const answer = await pressSend(server, audience, form);
    const answeredMs = performance.now() - started;
    if (answer.status !== 303 || !answer.location?.includes("done=sent")) throw new Error(`pressing Send answered ${answer.status} ${answer.location ?? ""}`);
    console.log(`[bench] mailing: Send answered in ${formatMs(answeredMs)}`);
    // The update worker fixes the recipients in one statement, then the update is SENDING.
    await until("the recipients fixed", async () => {
      const row = (await client.query<{ status: string }>(`SELECT status::text FROM supporter_updates WHERE id = $1`, [updateId])).rows[0];
      return row?.status === "SENDING" || row?.status === "SENT";
    }, Math.max(600_000, count));
    const fixedMs = performance.now() - started;
    const fixed = Number((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM update_recipients WHERE update_id = $1`, [updateId])).rows[0]!.n);
    if (fixed !== count) throw new Error(`${formatCount(fixed)} recipients fixed, expected ${formatCount(count)}`);
    console.log(`[bench] mailing: recipients fixed in ${formatMs(fixedMs)}`);

    // Queued: every recipient is fixed in update_recipients, the durable queue; the worker then
    // writes outbox messages a bounded distance ahead of the sender, so none are waited for here.
    const queuedMs = fixedMs;
    const queuedPeak = Math.max(sampler.stop(), kernelPeak ? (memoryStatus(pid)?.peakBytes ?? 0) : 0);
    console.log(`[bench] mailing: queued ${formatMs(queuedMs)} after pressing Send; server peak RSS ${formatMb(queuedPeak)}`);
    let mostWaiting = 0;
    const waitingProbe = setInterval(() => {
      void client
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'supporter-update' AND status = 'PENDING'`)
        .then((result) => (mostWaiting = Math.max(mostWaiting, result.rows[0]!.n)), () => undefined);
    }, 2_000);
    context.onCleanup(() => clearInterval(waitingProbe));

    // Sending: kill the server when half the messages have reached the provider.
    const sending = samplePeakRss(() => [pid], 50);
    const firstMessage = await until("the first message at the provider", async () => (capture.messageCount() > 0 ? performance.now() : null), 120_000, 50);
    const firstCount = capture.messageCount();
    await until("half of the messages at the provider", async () => capture.messageCount() >= count / 2, Math.max(600_000, (count / (rate * messagesPerRequest)) * 3_000), 50);
    const sendPeak = Math.max(sending.stop(), kernelPeak ? (memoryStatus(pid)?.peakBytes ?? 0) : 0);
    const killedAt = performance.now();
    const atKill = capture.messageCount();
    await server.kill();
    const rateBeforeKill = (atKill - firstCount) / ((killedAt - firstMessage) / 1000);
    console.log(`[bench] mailing: killed the server (SIGKILL) with ${formatCount(atKill)} messages at the provider (${formatCount(rateBeforeKill)} messages/s)`);

    const restarted = await context.server("postgres-mailing-restarted", env);
    const restartedPid = restarted.serverPid();
    const afterRestart = samplePeakRss(() => [restartedPid], 50);
    const restartKernelPeak = resetPeak(restartedPid);
    const resumedAt = performance.now();
    const atResume = capture.messageCount();
    // Messages of a batch cut short wait for their claim's lease (two minutes) before going again.
    const finishTimeout = Math.max(900_000, ((count - atResume) / (rate * messagesPerRequest)) * 3_000 + 300_000);
    await until(
      "every message delivered after the restart",
      async () => {
        const row = (
          await client.query<{ open: number; status: string }>(
            `SELECT (SELECT count(*)::int FROM outbox_messages WHERE template = 'supporter-update' AND status IN ('PENDING', 'SENDING')) AS open,
                    (SELECT status::text FROM supporter_updates WHERE id = $1) AS status`,
            [updateId],
          )
        ).rows[0]!;
        return row.open === 0 && row.status === "SENT";
      },
      finishTimeout,
      500,
    );
    const finishedAt = performance.now();
    clearInterval(waitingProbe);
    const restartPeak = Math.max(afterRestart.stop(), restartKernelPeak ? (memoryStatus(restartedPid)?.peakBytes ?? 0) : 0);
    const failed = Number((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'supporter-update' AND status = 'FAILED'`)).rows[0]!.n);
    const { doubled, missed, unexpected } = deliveryTally(capture, audience.prefix, count);
    const requests = capture.requests().filter((request) => request.status === 200 && request.path === "/emails/batch");
    const replayed = requests.filter((request) => request.replayed).length;
    const rateAfterRestart = (capture.messageCount() - atResume) / ((finishedAt - resumedAt) / 1000);
    const limit = `${rate} requests/s × ${messagesPerRequest} = ${formatCount(rate * messagesPerRequest)} messages/s`;
    console.log(
      `[bench] mailing: done ${formatMs(finishedAt - started)} after pressing Send; ${formatCount(capture.messageCount())} messages, ` +
        `${formatCount(requests.length)} batch requests (${replayed} replayed), ${doubled} doubled, ${missed} missed, ${unexpected} unexpected, ${failed} failed`,
    );

    const figures: Figure[] = [
      { benchmark, figure: "Send answered", value: formatMs(answeredMs) },
      { benchmark, figure: "recipients fixed (by the update worker)", value: formatMs(fixedMs) },
      { benchmark, figure: "queued: every recipient fixed in the update's durable queue", value: formatMs(queuedMs), target: "≤ 60 s" },
      { benchmark, figure: "outbox messages written ahead of the sender, at most", value: formatCount(mostWaiting) },
      { benchmark, figure: "server RSS before Send", value: formatMb(rssBefore) },
      { benchmark, figure: `server peak RSS while queuing (${kernelPeak ? "VmHWM" : "sampled"})`, value: formatMb(queuedPeak), target: "≤ 256 MB" },
      { benchmark, figure: "server peak RSS while sending, before the kill / after the restart", value: `${formatMb(sendPeak)} / ${formatMb(restartPeak)}`, target: "≤ 256 MB" },
      { benchmark, figure: `send rate before the kill (provider limit ${limit}, MAIL_RATE_PER_SECOND=${rate})`, value: `${formatCount(rateBeforeKill)} messages/s`, target: `${formatCount(rate * messagesPerRequest)} messages/s` },
      { benchmark, figure: "send rate after the restart (includes the two-minute lease of the cut batch)", value: `${formatCount(rateAfterRestart)} messages/s` },
      { benchmark, figure: "killed (SIGKILL) after / restarted: batch requests replayed by the provider", value: `${formatCount(atKill)} messages / ${replayed}` },
      { benchmark, figure: "recipients who got it twice / never (after kill and restart)", value: `${doubled} / ${missed}`, target: "0 / 0" },
    ];
    if (doubled + missed + unexpected + failed > 0) {
      for (const figure of figures) console.log(`[bench] mailing: ${figure.figure}: ${figure.value}`);
      throw new Error(`${doubled} recipients got the update twice, ${missed} never, ${unexpected} unexpected addresses, ${failed} messages failed`);
    }
    return figures;
  },
};
