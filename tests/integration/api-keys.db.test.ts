import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey, listApiKeys, revokeApiKey } from "../../lib/api-keys/manage-api-keys";
import { db } from "../../lib/db";
import { eraseSupporter } from "../../lib/privacy/erase-supporter";
import { unsubscribeSupporter } from "../../lib/privacy/unsubscribe";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { createMember } from "../fixtures/organisers";
import { openApiChecker } from "../fixtures/openapi-responses";
import { supporterWithEmail } from "../fixtures/sealed-signers";
import { openApiDocument } from "../../lib/api/openapi";
import { confirmFirstMail, mailsTo, signatureOf } from "./abuse/helpers";

// Next.js's after() runs work once the answer has gone; outside a server it is collected here and
// awaited before the test looks at what it did.
const afterResponse = vi.hoisted(() => ({ pending: [] as Promise<unknown>[] }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => Promise<unknown>) => {
    afterResponse.pending.push(task());
  },
}));

beforeEach(() => {
  afterResponse.pending.length = 0;
});

async function afterAnswers(): Promise<void> {
  await Promise.all(afterResponse.pending);
}

// The API for an organisation's own tools, through its real route handlers, with keys made as an
// owner makes them on the API keys page. Every answer is checked against the OpenAPI document.
const record = await import("../../app/api/v1/campaigns/[slug]/signatures/route");
const feed = await import("../../app/api/v1/signer-events/route");

const base = "http://nida.test/api/v1";
const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });
const checker = await openApiChecker(openApiDocument());

type ApiPath = "/campaigns/{slug}/signatures" | "/signer-events";

async function expectAnswer(path: ApiPath, response: Response, status: number): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(checker.problems(path, response.status, body)).toEqual([]);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return body;
}

function post(slug: string, key: string | null, body: unknown) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  return record.POST(new Request(`${base}/campaigns/${slug}/signatures`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }), slugContext(slug));
}

function read(key: string, query = "") {
  return feed.GET(new Request(`${base}/signer-events${query}`, { headers: { Authorization: `Bearer ${key}` } }));
}

async function organisationWithKeys() {
  const campaign = await createCampaign();
  const organisationId = campaign.owners[0]!.organisationId;
  const owner = await createMember(organisationId, "OWNER", "owner");
  const write = await createApiKey({ actor: owner, organisationId, name: "Stall tablet", scope: "write" });
  const readKey = await createApiKey({ actor: owner, organisationId, name: "CRM sync", scope: "read" });
  return { campaign, organisationId, owner, write, read: readKey };
}

const signer = (overrides: Record<string, unknown> = {}) => ({ name: "Layla Haddad", email: uniqueEmail(), country: "SY", consent: true, locale: "ar", ...overrides });

describe("API keys", () => {
  it("are shown once when created, kept only as a hash, listed without the key, and audited", async () => {
    const { organisationId, owner, write } = await organisationWithKeys();
    expect(write.key).toMatch(/^nida_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: write.id } });
    expect(stored.keyHash).toBe(createHash("sha256").update(write.key).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(write.key);
    const listed = await listApiKeys({ actor: owner, organisationId });
    expect(JSON.stringify(listed)).not.toContain(write.key);
    expect(listed.map((key) => key.name).sort()).toEqual(["CRM sync", "Stall tablet"]);
    const audit = await db.auditEntry.findMany({ where: { organisationId, action: "api-key.create" } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(write.key);
  });

  it("answer 401 for no key, a wrong key and a revoked key; 403 for a read key on a write route", async () => {
    const { campaign, organisationId, owner, write, read: readKey } = await organisationWithKeys();
    const missing = await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, null, signer()), 401);
    expect(missing.error).toBe("UNAUTHENTICATED");
    await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, `nida_${"x".repeat(43)}`, signer()), 401);
    await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, write.key.slice(0, -1), signer()), 401);

    const forbidden = await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, readKey.key, signer()), 403);
    expect(forbidden.error).toBe("FORBIDDEN");

    expect(await revokeApiKey({ actor: owner, keyId: write.id })).toEqual({ name: "Stall tablet", changed: true });
    const email = uniqueEmail();
    const revoked = await post(campaign.slug, write.key, signer({ email }));
    await expectAnswer("/campaigns/{slug}/signatures", revoked, 401);
    expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await mailsTo(email)).toEqual([]);
    expect(await db.auditEntry.count({ where: { organisationId, action: "api-key.revoke" } })).toBe(1);
  });

  it("cannot reach another organisation's campaign, nor a draft", async () => {
    const { write } = await organisationWithKeys();
    const other = await createCampaign();
    const draft = await createCampaign({ status: "DRAFT" });
    const email = uniqueEmail();
    const answer = await expectAnswer("/campaigns/{slug}/signatures", await post(other.slug, write.key, signer({ email })), 404);
    expect(answer.error).toBe("NOT_FOUND");
    await expectAnswer("/campaigns/{slug}/signatures", await post(draft.slug, write.key, signer({ email })), 404);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("are limited per key: over the rate, 429 with Retry-After, and other keys are not held back", async () => {
    const { campaign, write, read: readKey } = await organisationWithKeys();
    await db.apiKey.update({ where: { id: readKey.id }, data: { ratePerMinute: 2 } });
    await expectAnswer("/signer-events", await read(readKey.key), 200);
    await expectAnswer("/signer-events", await read(readKey.key), 200);
    const limited = await read(readKey.key);
    const body = await expectAnswer("/signer-events", limited, 429);
    expect(body.error).toBe("RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The write key of the same organisation has a window of its own.
    await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, write.key, signer()), 202);
  });
});

describe("recording a signature gathered elsewhere", () => {
  it("stores it as the sign form does, mails the signer to confirm, and keeps one signature per person", async () => {
    const { campaign, write } = await organisationWithKeys();
    const email = uniqueEmail();
    const first = await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, write.key, signer({ email })), 202);
    expect(first).toEqual({ campaign: campaign.slug, status: "confirmation_sent" });
    const signature = await signatureOf(campaign.id, email);
    expect(signature).toMatchObject({ state: "PENDING", name: "Layla Haddad", country: "SY", locale: "ar" });
    expect(await db.signatureConsent.count({ where: { signatureId: signature.id } })).toBe(1);
    const mails = await mailsTo(email);
    expect(mails.map((mail) => mail.template)).toEqual(["confirm-signature"]);
    expect(mails[0]!.props.locale).toBe("ar");

    // The same person again, written differently: the same answer, still one signature, and the
    // confirmation e-mail sent again.
    const again = await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, write.key, signer({ email: email.toUpperCase(), name: "L. Haddad" })), 202);
    expect(again).toEqual(first);
    await afterAnswers();
    expect(await db.signature.count({ where: { campaignId: campaign.id, supporter: supporterWithEmail(email) } })).toBe(1);
    // Mailed again, to the address as written this time.
    expect(await mailsTo(email.toUpperCase())).toHaveLength(1);

    // It counts once the signer confirms, as any signature does.
    expect(await confirmFirstMail(email)).toMatchObject({ counted: true });
  });

  it("refuses invalid fields one by one, and a body too large, storing nothing", async () => {
    const { campaign, write } = await organisationWithKeys();
    const email = uniqueEmail();
    const invalid = await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, write.key, signer({ email, name: "=HYPERLINK(1)", country: "XX" })), 400);
    expect(invalid).toMatchObject({ error: "VALIDATION", fields: { name: "nameFormula", country: "countryRequired" } });
    const badLocale = await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, write.key, signer({ email, locale: "es" })), 400);
    expect(badLocale).toMatchObject({ fields: { locale: "invalid" } });
    await expectAnswer("/campaigns/{slug}/signatures", await post(campaign.slug, write.key, "not json"), 400);
    const huge = await post(campaign.slug, write.key, signer({ email, comment: "x".repeat(20_000) }));
    await expectAnswer("/campaigns/{slug}/signatures", huge, 413);
    expect(await mailsTo(email)).toEqual([]);
    expect(await db.supporter.count({ where: supporterWithEmail(email) })).toBe(0);
  });
});

describe("the signer feed for a CRM", () => {
  type Event = { id: string; type: string; signer: string; details: Record<string, unknown> | null };

  async function allEvents(key: string, limit: number): Promise<{ events: Event[]; pages: number; cursor: string }> {
    const events: Event[] = [];
    let cursor = "";
    let pages = 0;
    for (;;) {
      const page = await expectAnswer("/signer-events", await read(key, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`), 200);
      pages += 1;
      events.push(...(page.data as Event[]));
      cursor = page.nextCursor as string;
      if (!page.hasMore) return { events, pages, cursor };
    }
  }

  it("pages through consented confirmed signers, then reports an unsubscribe and an erasure without personal data", async () => {
    const { campaign, write, read: readKey } = await organisationWithKeys();
    const emails = [uniqueEmail(), uniqueEmail(), uniqueEmail()];
    const unconsented = uniqueEmail();
    const unconfirmed = uniqueEmail();
    for (const email of [...emails, unconfirmed]) await post(campaign.slug, write.key, signer({ email, name: `Signer ${email.slice(7, 12)}` }));
    await post(campaign.slug, write.key, signer({ email: unconsented, consent: false }));
    for (const email of [...emails, unconsented]) expect(await confirmFirstMail(email)).toMatchObject({ counted: true });

    const start = await allEvents(readKey.key, 2);
    expect(start.pages).toBe(2);
    expect(start.events.map((event) => event.type)).toEqual(["signed", "signed", "signed"]);
    expect(start.events.map((event) => event.details!.email)).toEqual(emails);
    expect(start.events[0]!.details).toMatchObject({ campaign: campaign.slug, country: "SY", locale: "ar" });
    const serialised = JSON.stringify(start.events);
    expect(serialised).not.toContain(unconsented);
    expect(serialised).not.toContain(unconfirmed);

    // Nothing new: the same cursor comes back, with nothing after it.
    const idle = await expectAnswer("/signer-events", await read(readKey.key, `?cursor=${start.cursor}`), 200);
    expect(idle).toMatchObject({ data: [], nextCursor: start.cursor, hasMore: false });

    // The first signer unsubscribes, the second asks for erasure.
    const [unsubscribing, erasing] = await Promise.all(emails.slice(0, 2).map(async (email) => (await mailsTo(email))[0]!.props.supporterLinks!));
    await unsubscribeSupporter({ token: unsubscribing!.unsubscribeUrl.split("/").pop()! });
    const erasedSignature = await signatureOf(campaign.id, emails[1]!);
    await eraseSupporter({ token: erasing!.eraseUrl.split("/").pop()! });

    const since = await expectAnswer("/signer-events", await read(readKey.key, `?cursor=${start.cursor}`), 200);
    const changes = since.data as Event[];
    expect(changes.map((event) => [event.type, event.signer, event.details])).toEqual([
      ["unsubscribed", start.events[0]!.signer, null],
      ["erased", start.events[1]!.signer, null],
    ]);
    // The erased signer is named by nothing personal: not their address, name or any id of theirs.
    const erasedEvent = JSON.stringify(changes[1]);
    for (const personal of [emails[1]!, erasedSignature.name, erasedSignature.id, erasedSignature.supporterId!]) expect(erasedEvent).not.toContain(personal);

    // Read from the start now, the feed no longer holds their details at all.
    const fromStart = await allEvents(readKey.key, 10);
    expect(JSON.stringify(fromStart.events)).not.toContain(emails[1]!);
    expect(JSON.stringify(fromStart.events)).not.toContain(emails[0]!);
    expect(fromStart.events.filter((event) => event.type === "signed").map((event) => event.details!.email)).toEqual([emails[2]]);
  });

  it("refuses a cursor that was altered or made for another organisation", async () => {
    const mine = await organisationWithKeys();
    const theirs = await organisationWithKeys();
    const page = await expectAnswer("/signer-events", await read(mine.read.key), 200);
    const cursor = page.nextCursor as string;
    const [payload, mac] = cursor.split(".");
    const forged = `${Buffer.from(JSON.stringify(["2000-01-01T00:00:00.000Z", "zzz"])).toString("base64url")}.${mac}`;
    for (const bad of [forged, `${payload}.AAAA`, "garbage"]) {
      const answer = await expectAnswer("/signer-events", await read(mine.read.key, `?cursor=${bad}`), 400);
      expect(answer).toMatchObject({ error: "VALIDATION", fields: { cursor: "invalid" } });
    }
    await expectAnswer("/signer-events", await read(theirs.read.key, `?cursor=${cursor}`), 400);
  });
});
