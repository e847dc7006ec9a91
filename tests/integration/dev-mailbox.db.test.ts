import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { isolate } from "../../lib/i18n/isolate";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { renderTemplate } from "../../lib/mail/templates";
import { mailboxTransport } from "../../lib/mail/transport";
import { emailHash } from "../../lib/sealing/lookup";
import { signPetition } from "../../lib/signatures/sign-petition";
import { confirmationEmailProps, createCampaign, signInput, uniqueEmail } from "../fixtures/factories";

const mailboxPage = await import("../../app/dev/mailbox/route");
const mailPage = await import("../../app/dev/mailbox/[id]/route");

// The whole row as PostgreSQL writes it out, every column, lower-cased.
async function rawDevMail(id: string): Promise<string> {
  const [row] = await db.$queryRaw<{ text: string }[]>`SELECT lower(row_to_json(d)::text) AS text FROM dev_mails AS d WHERE d.id = ${id}`;
  expect(row, `dev mail ${id}`).toBeDefined();
  return row!.text;
}

const pageText = async (response: Response) => {
  expect(response.status).toBe(200);
  return response.text();
};

const openMailPage = (id: string) => mailPage.GET(new Request(`http://nida.test/dev/mailbox/${id}`), { params: Promise.resolve({ id }) });

describe("the development mailbox", () => {
  it("holds a signer's confirmation mail with no trace of their name or address, and shows both on its pages", async () => {
    const campaign = await createCampaign();
    const name = `Yasmin Haddad${randomUUID().slice(0, 6)}`;
    const input = signInput({ name, email: uniqueEmail() });
    const email = input.email as string;
    await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: "198.51.100.61" });
    const signature = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id, supporter: { emailHash: emailHash(email) } }, select: { id: true } });
    const outboxKey = `confirm-signature:${signature.id}:1`;
    expect(await deliverDueMessages({ transport: mailboxTransport(), onlyKeys: [outboxKey] })).toMatchObject({ sent: 1 });

    const [kept] = await db.devMail.findMany({ where: { outboxKey }, select: { id: true } });
    expect(kept).toBeDefined();
    const raw = await rawDevMail(kept!.id);
    for (const value of [name, ...name.split(" "), email, email.split("@")[0]!]) {
      expect(raw, `dev_mails holds ${value}`).not.toContain(value.toLowerCase());
    }

    const list = await pageText(await mailboxPage.GET());
    const listed = list.split("<tr>").find((row) => row.includes(`/dev/mailbox/${kept!.id}`));
    expect(listed).toContain(email);
    expect(listed).toContain("Confirm your signature");
    const shown = await pageText(await openMailPage(kept!.id));
    expect(shown).toContain(`<dt>To</dt><dd>${email}</dd>`);
    expect(shown).toContain(`Dear ${isolate(name)},`);
  });

  it("holds a letter writer's Reply-To and copy address sealed, and shows them on the mail's page", async () => {
    const writer = uniqueEmail("writer");
    const rendered = await renderTemplate("confirm-signature", confirmationEmailProps(writer));
    const { providerId } = (await mailboxTransport().deliver({
      ...rendered,
      to: uniqueEmail("minister"),
      from: "Nida <noreply@nida.test>",
      replyTo: writer,
      cc: writer,
      idempotencyKey: `letter:${randomUUID()}`,
    })) as { providerId: string };
    const id = providerId.slice("mailbox:".length);

    expect(await rawDevMail(id)).not.toContain(writer.split("@")[0]);
    const shown = await pageText(await openMailPage(id));
    expect(shown).toContain(`<dt>Reply-To</dt><dd>${writer}</dd>`);
    expect(shown).toContain(`<dt>Cc</dt><dd>${writer}</dd>`);
  });
});
