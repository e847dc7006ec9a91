// A server exposed directly (TRUST_PROXY_HOPS=0, the default) flooded from one machine whose
// requests each name another address in X-Forwarded-For, or an empty or malformed one: every
// signature is stored under the one address the connections came from, so the per-address limits
// hold the flood back as they hold back one person signing again and again.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailHash } from "../../lib/sealing/lookup";
import { defaultRateLimits } from "../../lib/abuse/rate-limit";
import { BenchContext, distinctIp, post, startSigningRun, withClient, type SigningRun } from "./support";
import { isSignSuccess, signEndpoint, signJsonRequest, signRequest } from "../../bench/support/forms";

const concurrency = 16;

async function inBatches<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < jobs.length; start += concurrency) results.push(...(await Promise.all(jobs.slice(start, start + concurrency).map((job) => job()))));
  return results;
}

describe("a flood naming its own addresses, against a server with no proxy in front", () => {
  const context = new BenchContext();
  let started: SigningRun;

  beforeAll(async () => {
    started = await startSigningRun(context, { database: "nida_fault_address", server: "address", env: { TRUST_PROXY_HOPS: "0" } });
  });

  afterAll(() => context.close());

  it("is limited as the one address it comes from", async () => {
    const { url, server, campaign, form } = started;
    const tag = randomUUID().slice(0, 8);
    const signer = (kind: string, n: number) => ({ name: `Flood ${kind} ${n}`, email: `flood.${tag}.${kind}.${n}@example.org` });
    // What each request claims to come from: a different address each time, nothing, or junk.
    const claims: { kind: string; forwardedFor: (n: number) => string; count: number }[] = [
      { kind: "spoofed", forwardedFor: (n) => distinctIp(n + 1), count: 150 },
      { kind: "empty", forwardedFor: () => "", count: 100 },
      { kind: "malformed", forwardedFor: (n) => (n % 2 ? " , " : "not-an-address"), count: 50 },
    ];
    const jobs: (() => Promise<boolean>)[] = [];
    for (const claim of claims) {
      for (let n = 0; n < claim.count; n++) {
        // Through the page's script (JSON) and, for one in five, the form without JavaScript.
        if (n % 5 === 0) {
          const request = signRequest(server.url, form, signer(claim.kind, n), claim.forwardedFor(n));
          jobs.push(async () => {
            const answer = await post(`${server.url}/en/campaigns/${encodeURIComponent(campaign.slug)}`, request.body, request.headers);
            return isSignSuccess(answer.status, answer.location);
          });
        } else {
          const request = signJsonRequest(server.url, form, signer(claim.kind, n), claim.forwardedFor(n));
          jobs.push(async () => (await post(signEndpoint(server.url), Buffer.from(request.body), request.headers)).status === 201);
        }
      }
    }
    const answered = await inBatches(jobs);
    // Every one of them sees the usual "check your e-mail" page.
    expect(answered.filter((ok) => !ok)).toHaveLength(0);

    const stored = await withClient(url, async (client) =>
      (
        await client.query<{ state: string; ip_hash: string | null }>(
          `SELECT s.state, s.ip_hash FROM signatures s JOIN supporters sp ON sp.id = s.supporter_id WHERE s.campaign_id = $1 AND sp.email_hash = ANY($2)`,
          [campaign.id, claims.flatMap((claim) => Array.from({ length: claim.count }, (_, n) => emailHash(signer(claim.kind, n).email)))],
        )
      ).rows,
    );
    const windows = await withClient(url, async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM sign_attempt_windows WHERE campaign_id = $1`, [campaign.id])).rows[0]!.n));
    const states: Record<string, number> = {};
    for (const row of stored) states[row.state] = (states[row.state] ?? 0) + 1;
    console.log(`[client-address] ${jobs.length} sign requests with spoofed, empty and malformed X-Forwarded-For: ${stored.length} signatures stored, by state ${JSON.stringify(states)}, ${new Set(stored.map((row) => row.ip_hash)).size} address(es), ${windows} rate-limit row(s)`);

    expect(stored).toHaveLength(jobs.length);
    // One address for all of them: the connection's, whatever each request said.
    expect(new Set(stored.map((row) => row.ip_hash))).toEqual(new Set([stored[0]!.ip_hash]));
    expect(stored[0]!.ip_hash).not.toBeNull();
    expect(windows).toBe(1);
    // So the limits of one address held: no more counted than one address may have in the window.
    expect(states.PENDING ?? 0).toBeGreaterThanOrEqual(1);
    expect(states.PENDING ?? 0).toBeLessThanOrEqual(defaultRateLimits.sustainedLimit);
  });
});
