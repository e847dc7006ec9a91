// The server is killed (SIGKILL) while people sign and confirm: after a restart, everyone told
// "signed" is there with their confirmation e-mail queued, everyone told "confirmed" is confirmed,
// and the public count equals the confirmed rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailHash } from "../../lib/sealing/lookup";
import {
  BenchContext,
  campaignIntegrity,
  confirm,
  confirmLink,
  distinctIp,
  sign,
  signatureEmailHashes,
  startSigningRun,
  sustain,
  uniqueName,
  waitFor,
  type SigningRun,
} from "./support";

describe("server killed during sustained signing", () => {
  const context = new BenchContext();
  let started: SigningRun;

  beforeAll(async () => {
    started = await startSigningRun(context, { database: "nida_fault_kill", server: "before-kill", env: { OUTBOX_POLL_MS: "200" } });
  });

  afterAll(() => context.close());

  it("loses no acknowledged signature or confirmation", async () => {
    const { capture, url, campaign, form } = started;
    let server = started.server;
    const run = uniqueName("kill");
    // Signatures whose confirmation links are in hand, to confirm while the server dies.
    const early = Array.from({ length: 30 }, (_, i) => `${run}-early-${i}@example.org`);
    const outcomes = await Promise.all(early.map((email, i) => sign(server, form, email, distinctIp(i))));
    expect(outcomes.every((outcome) => outcome.outcome === "signed")).toBe(true);
    const links = await waitFor("the confirmation e-mails", async () => {
      const found = early.map((to) => confirmLink(capture.messages({ to })[0]?.text ?? null));
      return found.every(Boolean) ? (found as string[]) : null;
    });

    const signing = sustain(8, async (n) => {
      const email = `${run}-${n}@example.org`;
      return { email, outcome: (await sign(server, form, email, distinctIp(1000 + n))).outcome };
    });
    const confirming = sustain(2, async (n) => {
      const index = n % links.length;
      return { email: early[index]!, confirmed: n < links.length ? await confirm(server, links[index]!) : false };
    });
    await waitFor("signing and confirming under way", async () => signing.results.filter((r) => r.outcome === "signed").length >= 20 && confirming.count() >= 5, 60_000);
    await server.kill();
    const signAttempts = await signing.stop();
    const confirmAttempts = await confirming.stop();

    server = await context.server("after-kill", started.env);
    const stored = await signatureEmailHashes(url, campaign.id);
    const acknowledged = [...early, ...signAttempts.filter((attempt) => attempt.outcome === "signed").map((attempt) => attempt.email)];
    expect(acknowledged.filter((email) => !stored.has(emailHash(email)))).toEqual([]);

    const confirmedEmails = confirmAttempts.filter((attempt) => attempt.confirmed).map((attempt) => attempt.email);
    expect(confirmedEmails.length).toBeGreaterThan(0);
    const confirmedStored = await signatureEmailHashes(url, campaign.id, "CONFIRMED");
    expect(confirmedEmails.filter((email) => !confirmedStored.has(emailHash(email)))).toEqual([]);

    const integrity = await campaignIntegrity(url, campaign.id);
    expect(integrity.withoutMessage).toBe(0);
    expect(integrity.counted).toBe(integrity.confirmed);
    // The restarted server serves that count (the page is cached for a few seconds at most).
    const shown = `data-testid="signature-count">${new Intl.NumberFormat("en").format(integrity.confirmed)}<`;
    await waitFor("the campaign page to show the count", async () => (await (await fetch(`${server.url}/en/campaigns/${campaign.slug}`)).text()).includes(shown), 30_000, 500);
  });
});
