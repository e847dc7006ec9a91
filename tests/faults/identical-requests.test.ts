// 2,000 identical sign requests at once (a double-clicking crowd, a replaying client): one
// signature, no more confirmation e-mails than one signer can ever be sent, and once confirmed
// (500 presses of the same link at once), the count goes up by exactly one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailHash } from "../../lib/sealing/lookup";
import { maxConfirmationEmails } from "../../lib/signatures/sign-petition";
import {
  BenchContext,
  campaignIntegrity,
  confirmForm,
  confirmLink,
  confirmationMailsTo,
  confirmPlain,
  signPlain,
  startSigningRun,
  uniqueName,
  waitFor,
  withClient,
  type SigningRun,
} from "./support";

const crowd = 2_000;

describe("2,000 concurrent identical requests", () => {
  const context = new BenchContext();
  let started: SigningRun;

  beforeAll(async () => {
    started = await startSigningRun(context, { database: "nida_fault_identical", server: "identical" });
  });

  afterAll(() => context.close());

  it("records one signature and counts it once", async () => {
    const { capture, url, server, campaign, form } = started;
    const email = `${uniqueName("same")}@example.org`;
    const before = await campaignIntegrity(url, campaign.id);
    const outcomes = await Promise.all(Array.from({ length: crowd }, () => signPlain(server, form, campaign.slug, email, "10.1.2.3")));
    const tally: Record<string, number> = {};
    for (const outcome of outcomes) {
      const key = outcome.signed ? "signed" : `status ${outcome.status} ${outcome.error ?? ""}`.trim();
      tally[key] = (tally[key] ?? 0) + 1;
    }
    // Every one of them reads the same as a first signature; none is an error page.
    expect(tally).toEqual({ signed: crowd });

    const stored = () =>
      withClient(url, async (client) => ({
        signatures: (
          await client.query<{ id: string; confirmations_sent: number }>(
            `SELECT s.id, s.confirmations_sent FROM signatures s JOIN supporters sp ON sp.id = s.supporter_id WHERE sp.email_hash = $1`,
            [emailHash(email)],
          )
        ).rows,
        messages: await confirmationMailsTo(client, email),
      }));
    expect((await stored()).signatures).toHaveLength(1);
    // Signing again re-sends the confirmation e-mail (written after each answer), up to the cap,
    // and never beyond it: 1,999 repeats reach the cap.
    const { signatures: rows, messages } = await waitFor("the e-mails sent again", async () => {
      const now = await stored();
      return now.messages === maxConfirmationEmails && now.signatures[0]!.confirmations_sent === maxConfirmationEmails ? now : null;
    });
    expect(rows).toHaveLength(1);
    await waitFor("the confirmation e-mails", async () => capture.messages({ to: email }).length === messages);

    const confirmation = await confirmForm(server, confirmLink(capture.messages({ to: email })[0]!.text)!);
    const presses = await Promise.all(Array.from({ length: crowd / 4 }, () => confirmPlain(server, confirmation)));
    // Every press is answered with a page (thanks, or "this link was used"); none errs.
    expect(presses.filter((press) => press.status !== 303)).toEqual([]);
    expect(presses.some((press) => press.location?.includes("/thanks"))).toBe(true);
    const after = await campaignIntegrity(url, campaign.id);
    expect(after.confirmed).toBe(before.confirmed + 1);
    expect(after.counted).toBe(before.counted + 1);
    expect(after.signatures).toBe(before.signatures + 1);
  });
});
