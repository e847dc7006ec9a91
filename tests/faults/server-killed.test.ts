// The server is killed (SIGKILL) while people sign and confirm: after a restart, everyone told
// "signed" is there with their confirmation e-mail queued, everyone told "confirmed" is confirmed,
// and the public count equals the confirmed rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendCapture, type ResendCapture } from "../fixtures/resend-capture";
import {
  BenchContext,
  campaignIntegrity,
  confirm,
  confirmLink,
  distinctIp,
  openSeedCampaign,
  sign,
  signatureEmails,
  signForm,
  sustain,
  uniqueName,
  waitFor,
  withClient,
  type BenchServer,
  type FormFields,
} from "./support";

describe("server killed during sustained signing", () => {
  const context = new BenchContext();
  let capture: ResendCapture;
  let server: BenchServer;
  let url: string;
  let campaign: { id: string; slug: string };
  let form: FormFields;
  const serverEnv = () => ({ DATABASE_URL: url, JOBS_ENABLED: "true", RESEND_API_KEY: "re_fault", RESEND_BASE_URL: capture.url, OUTBOX_POLL_MS: "200" });

  beforeAll(async () => {
    capture = await startResendCapture();
    context.onCleanup(() => capture.stop());
    url = await context.postgresDatabase(uniqueName("nida_fault_kill"));
    server = await context.server("before-kill", serverEnv());
    campaign = await openSeedCampaign(url);
    form = await signForm(server.url, campaign.slug);
  });

  afterAll(() => context.close());

  it("loses no acknowledged signature or confirmation", async () => {
    const run = uniqueName("kill");
    // Signatures whose confirmation links are in hand, to confirm while the server dies.
    const early = Array.from({ length: 30 }, (_, i) => `${run}-early-${i}@example.org`);
    const outcomes = await Promise.all(early.map((email, i) => sign(server, form, campaign.slug, email, distinctIp(i))));
    expect(outcomes.every((outcome) => outcome.outcome === "signed")).toBe(true);
    const links = await waitFor("the confirmation e-mails", async () => {
      const found = early.map((to) => confirmLink(capture.messages({ to })[0]?.text ?? null));
      return found.every(Boolean) ? (found as string[]) : null;
    });

    const signing = sustain(8, async (n) => {
      const email = `${run}-${n}@example.org`;
      return { email, outcome: (await sign(server, form, campaign.slug, email, distinctIp(1000 + n))).outcome };
    });
    const confirming = sustain(2, async (n) => {
      const index = n % links.length;
      return { email: early[index]!, confirmed: n < links.length ? await confirm(server, links[index]!) : false };
    });
    await waitFor("signing and confirming under way", async () => signing.results.filter((r) => r.outcome === "signed").length >= 20 && confirming.count() >= 5, 60_000);
    await server.kill();
    const signAttempts = await signing.stop();
    const confirmAttempts = await confirming.stop();

    server = await context.server("after-kill", serverEnv());
    const stored = await signatureEmails(url, campaign.id);
    const acknowledged = [...early, ...signAttempts.filter((attempt) => attempt.outcome === "signed").map((attempt) => attempt.email)];
    expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);

    const confirmedEmails = confirmAttempts.filter((attempt) => attempt.confirmed).map((attempt) => attempt.email);
    expect(confirmedEmails.length).toBeGreaterThan(0);
    const confirmedStored = await withClient(url, async (client) =>
      new Set(
        (
          await client.query<{ email: string }>(
            `SELECT sp.email FROM signatures s JOIN supporters sp ON sp.id = s.supporter_id WHERE s.campaign_id = $1 AND s.state = 'CONFIRMED'`,
            [campaign.id],
          )
        ).rows.map((row) => row.email),
      ),
    );
    expect(confirmedEmails.filter((email) => !confirmedStored.has(email))).toEqual([]);

    const integrity = await campaignIntegrity(url, campaign.id);
    expect(integrity.withoutMessage).toBe(0);
    expect(integrity.counted).toBe(integrity.confirmed);
    // The restarted server serves that count (the page is cached for a few seconds at most).
    const shown = `data-testid="signature-count">${new Intl.NumberFormat("en").format(integrity.confirmed)}<`;
    await waitFor("the campaign page to show the count", async () => (await (await fetch(`${server.url}/en/campaigns/${campaign.slug}`)).text()).includes(shown), 30_000, 500);
  });
});
