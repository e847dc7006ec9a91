// Two app servers (`next start` on two ports) against one PostgreSQL, both running the background
// jobs, with signers spread over both as a load balancer spreads them: no e-mail is sent twice,
// counts are exact, and rate limits hold across the servers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailHash } from "../../lib/sealing/lookup";
import {
  BenchContext,
  campaignIntegrity,
  confirm,
  confirmLink,
  distinctIp,
  sign,
  signForm,
  startSigningRun,
  uniqueName,
  waitFor,
  withClient,
  type BenchServer,
  type FormFields,
  type SigningRun,
} from "./support";

// The setting that makes a server take the signer's address from X-Forwarded-For (it sits behind
// a load balancer). Rate limits are per address, so the rate-limit test needs it.
const behindLoadBalancer = { TRUST_PROXY_HOPS: "1" };

describe("two app servers on one database", () => {
  const context = new BenchContext();
  let started: SigningRun;
  let servers: BenchServer[];
  let forms: FormFields[];

  beforeAll(async () => {
    // One after the other: the first applies migrations and seeds, the second finds them done.
    started = await startSigningRun(context, { database: "nida_fault_two", server: "a", env: { OUTBOX_POLL_MS: "200", ...behindLoadBalancer } });
    const second = await context.server("b", started.env);
    servers = [started.server, second];
    forms = [started.form, await signForm(second.url, started.campaign.slug)];
  });

  afterAll(() => context.close());

  it("sends every e-mail once and counts every confirmation once", async () => {
    const { capture, url, campaign } = started;
    const run = uniqueName("two");
    const before = await campaignIntegrity(url, campaign.id);
    const signers = Array.from({ length: 40 }, (_, i) => `${run}-${i}@example.org`);
    const outcomes = await Promise.all(signers.map((email, i) => sign(servers[i % 2]!, forms[i % 2]!, email, distinctIp(5000 + i))));
    expect(outcomes.filter((outcome) => outcome.outcome !== "signed")).toEqual([]);

    const links = await waitFor("every confirmation e-mail", async () => {
      const found = signers.map((to) => confirmLink(capture.messages({ to })[0]?.text ?? null));
      return found.every(Boolean) ? (found as string[]) : null;
    });
    // Each signer presses Confirm on both servers at once (a double click through a balancer).
    const presses = await Promise.all(links.flatMap((link) => servers.map((server) => confirm(server, link))));
    expect(presses.filter(Boolean).length).toBeGreaterThanOrEqual(signers.length);

    // Both workers polled the same outbox, yet no message went to the provider twice.
    for (const to of signers) expect(capture.messages({ to }), to).toHaveLength(1);
    expect(capture.requests().filter((request) => request.replayed)).toEqual([]);
    const keys = capture.requests().filter((request) => request.status === 200).map((request) => request.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);

    const after = await campaignIntegrity(url, campaign.id);
    expect(after.confirmed).toBe(before.confirmed + signers.length);
    expect(after.counted).toBe(after.confirmed);
    // Both servers show the same, exact count.
    for (const server of servers) {
      const page = await (await fetch(`${server.url}/en/campaigns/${campaign.slug}`)).text();
      expect(page).toContain(`data-testid="signature-count">${new Intl.NumberFormat("en").format(after.confirmed)}<`);
    }
  });

  // Rate limits live in PostgreSQL (sign_attempt_windows), so every server sees every attempt.
  it("holds one address to one limit across both servers", async () => {
    const { url } = started;
    const run = uniqueName("limit");
    const address = "203.0.113.77";
    const attempts = 60;
    const outcomes = [];
    for (let i = 0; i < attempts; i++) outcomes.push(await sign(servers[i % 2]!, forms[i % 2]!, `${run}-${i}@example.org`, address));
    const recorded = await withClient(url, async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM sign_attempt_windows`)).rows[0]!.n));
    expect(recorded).toBeGreaterThan(0);
    // The answer to signing is the same either way (the thank-you page after confirming says which)...
    expect(outcomes.filter((outcome) => outcome.outcome !== "signed")).toEqual([]);
    // ...but beyond the limits (no proof of work here) the signatures are held, whichever server took them.
    const states = await withClient(url, async (client) =>
      (
        await client.query<{ state: string; n: number }>(
          `SELECT s.state, count(*)::int AS n FROM signatures s JOIN supporters sp ON sp.id = s.supporter_id WHERE sp.email_hash = ANY($1) GROUP BY s.state`,
          [Array.from({ length: attempts }, (_, i) => emailHash(`${run}-${i}@example.org`))],
        )
      ).rows,
    );
    const held = states.find((row) => row.state === "HELD")?.n ?? 0;
    expect(held).toBeGreaterThan(0);
    // A limit counted per server would let each server admit its own share: under half got through.
    expect(attempts - held).toBeLessThan(attempts / 2);
  });
});
