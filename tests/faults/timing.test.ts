// How long an answer takes must not tell who signed before or who is an organiser: measured over
// HTTP against a production server, a repeat signature against a first one, and a member's request
// for a sign-in link against a stranger's. A difference counts only if it stands out from the
// noise, measured the same way: the difference between two interleaved series of the very same
// request. Other work on this machine (other test runs) moves every series alike, but a burst can
// still land on one series; a real difference is in every measurement, so a measurement may be
// taken again, up to three times in all, and one that finds the two alike is enough.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hiddenFields, multipart } from "../../bench/support/forms";
import { BenchContext, confirmationMailsTo, distinctIp, sign, startSigningRun, uniqueName, waitFor, type SigningRun } from "./support";

const rounds = 20;
const attempts = 3;

type Series = { label: string; ms: number[] };
type Measurement = { a: Series; b: Series; difference: number; noise: number; allowed: number };

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// Four series in `rounds` rounds: the two requests compared (a, b) and a second series of each
// (a2, b2), in an order that turns every round so that none always comes first.
async function measure(labels: [string, string], run: (kind: "a" | "b", n: number) => Promise<number>): Promise<Measurement> {
  const series = { a: [] as number[], b: [] as number[], a2: [] as number[], b2: [] as number[] };
  const order = ["a", "b", "a2", "b2"] as const;
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < order.length; k++) {
      const name = order[(round + k) % order.length]!;
      series[name].push(await run(name.startsWith("a") ? "a" : "b", round * order.length + k));
    }
  }
  const difference = Math.abs(median(series.a) - median(series.b));
  const noise = Math.max(Math.abs(median(series.a) - median(series.a2)), Math.abs(median(series.b) - median(series.b2)));
  // Twice the noise, but never less than a tenth of the time itself or one millisecond: two
  // series of 20 can agree closely by chance, and a leak worth the name is far larger (a repeat
  // signature took twice as long as a first one, a member's request nearly twice a stranger's).
  const allowed = Math.max(2 * noise, 0.1 * Math.min(median(series.a), median(series.b)), 1);
  return { a: { label: labels[0], ms: series.a }, b: { label: labels[1], ms: series.b }, difference, noise, allowed };
}

function describeMeasurement(m: Measurement): string {
  const f = (value: number) => value.toFixed(2);
  return `${m.a.label} median ${f(median(m.a.ms))} ms, ${m.b.label} median ${f(median(m.b.ms))} ms: difference ${f(m.difference)} ms, noise ${f(m.noise)} ms, allowed ${f(m.allowed)} ms`;
}

async function expectAlike(what: string, labels: [string, string], run: (kind: "a" | "b", n: number) => Promise<number>): Promise<void> {
  const seen: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const measurement = await measure(labels, run);
    seen.push(describeMeasurement(measurement));
    console.log(`[timing] ${what}, measurement ${attempt}: ${seen.at(-1)}`);
    if (measurement.difference <= measurement.allowed) return;
  }
  expect.fail(`${what}: the answers' times tell the two apart in every measurement:\n${seen.join("\n")}`);
}

async function timed(request: () => Promise<Response>): Promise<{ ms: number; response: Response; body: string }> {
  const started = performance.now();
  const response = await request();
  const body = await response.text();
  return { ms: performance.now() - started, response, body };
}

describe("answers that take the same time whatever the database holds", () => {
  const context = new BenchContext();
  let started: SigningRun;
  let client: pg.Client;

  beforeAll(async () => {
    // The mail worker is off: what it does comes after the answer, on whichever server runs it.
    // Behind one proxy, so that each request can come from an address of its own (X-Forwarded-For).
    started = await startSigningRun(context, { database: "nida_fault_timing", server: "timing", env: { JOBS_ENABLED: "false", TRUST_PROXY_HOPS: "1" } });
    client = new pg.Client({ connectionString: started.url });
    await client.connect();
    context.onCleanup(() => client.end());
  });

  afterAll(() => context.close());

  const count = async (sql: string, params: unknown[]) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);

  it("answers a repeat signature as fast as a first one", async () => {
    const { server, form } = started;
    const run = uniqueName("timing");
    // Every repeat is an address's first time signing again, so each one sends its e-mail again.
    const signedBefore = Array.from({ length: attempts * rounds * 2 + 10 }, (_, i) => `${run}-before-${i}@example.org`);
    for (const [i, email] of signedBefore.entries()) expect((await sign(server, form, email, distinctIp(20_000 + i))).outcome).toBe("signed");
    let nextBefore = 0;
    let nextNew = 0;
    let ip = 40_000;

    const signOnce = async (kind: "a" | "b"): Promise<number> => {
      const email = kind === "a" ? `${run}-new-${nextNew++}@example.org` : signedBefore[nextBefore++]!;
      const outcome = await sign(server, form, email, distinctIp(ip++));
      expect(outcome.outcome).toBe("signed");
      // The e-mail sent again is written after the answer: wait for it, so that it does not
      // weigh on the next request measured.
      const messages = kind === "a" ? 1 : 2;
      await waitFor(`${messages} e-mail(s) to ${email}`, async () => (await confirmationMailsTo(client, email)) === messages, 30_000, 5);
      return outcome.ms;
    };
    // The first requests of a route are slower (code loaded, statements prepared): not measured.
    for (let i = 0; i < 5; i++) await signOnce(i % 2 ? "b" : "a");
    await expectAlike("POST /api/signatures", ["first signature", "repeat signature"], signOnce);
  });

  it("answers a request for a sign-in link as fast for a member as for anyone else", async () => {
    const { server } = started;
    const page = await fetch(`${server.url}/en/organiser/sign-in`);
    const fields = hiddenFields(await page.text(), 'name="locale"');
    // A fresh member for every request, so that each one is sent a link.
    const organisation = randomUUID();
    await client.query(`INSERT INTO organisations (id, slug, name, created_at, updated_at) VALUES ($1, $2, $3, now(), now())`, [organisation, `timing-${organisation.slice(0, 8)}`, JSON.stringify({ en: "Timing" })]);
    const members: string[] = [];
    for (let i = 0; i < attempts * rounds * 2 + 10; i++) {
      const id = randomUUID();
      const email = `member-${id.slice(0, 12)}@example.org`;
      await client.query(`INSERT INTO users (id, email, created_at) VALUES ($1, $2, now())`, [id, email]);
      await client.query(`INSERT INTO memberships (user_id, organisation_id, role, created_at) VALUES ($1, $2, 'ORGANISER', now())`, [id, organisation]);
      members.push(email);
    }
    let nextMember = 0;
    let ip = 60_000;
    let answer: string | null = null;

    const ask = async (kind: "a" | "b"): Promise<number> => {
      const email = kind === "a" ? members[nextMember++]! : `stranger-${randomUUID().slice(0, 12)}@example.org`;
      const encoded = multipart({ ...fields, email });
      const { ms, response } = await timed(() =>
        fetch(`${server.url}/en/organiser/sign-in`, {
          method: "POST",
          body: new Uint8Array(encoded.body),
          headers: { "content-type": encoded.contentType, origin: server.url, "x-forwarded-for": distinctIp(ip++), accept: "text/html" },
          redirect: "manual",
        }),
      );
      // The same answer for everyone: "check your e-mail".
      const seen = `${response.status} ${response.headers.get("location")}`;
      answer ??= seen;
      expect(seen).toBe(answer);
      expect(answer).toMatch(/^303 \/en\/organiser\/sign-in\/check-email$/);
      // A member's link is stored with its e-mail in one statement (the address itself is sealed).
      if (kind === "a") expect(await count(`SELECT count(*) AS n FROM verification_tokens WHERE identifier = $1`, [email])).toBe(1);
      return ms;
    };
    for (let i = 0; i < 5; i++) await ask(i % 2 ? "b" : "a");
    await expectAlike("the sign-in form", ["member", "stranger"], ask);
  });
});
