import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignDeliveries, CampaignDetail, CampaignResponsesBody } from "../../lib/api/schema";
import { addConfirmed } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { readTranslations } from "../../lib/i18n/translations";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { openApiDocument } from "../../lib/api/openapi";
import { openApiChecker } from "../fixtures/openapi-responses";
import { createSealedSignature } from "../fixtures/sealed-signers";

// The open API through its real route handlers, each response checked against the OpenAPI
// document the server publishes.
const list = await import("../../app/api/v1/campaigns/route");
const one = await import("../../app/api/v1/campaigns/[slug]/route");
const counts = await import("../../app/api/v1/campaigns/[slug]/counts/route");
const hourly = await import("../../app/api/v1/campaigns/[slug]/counts/hourly/route");
const deliveries = await import("../../app/api/v1/campaigns/[slug]/deliveries/route");
const responsesRoute = await import("../../app/api/v1/campaigns/[slug]/responses/route");
const openapi = await import("../../app/api/v1/openapi.json/route");
const fallback = await import("../../app/api/v1/[...path]/route");

const base = "http://nida.test/api/v1";
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${base}${path}`, { headers });
const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });

type Campaign = Awaited<ReturnType<typeof createCampaign>>;
type Summary = { slug: string; status: string; primaryLocale: string; title: Record<string, string>; summary: Record<string, string>; createdAt: string; totals: { confirmed: number } };

type ApiPath = keyof ReturnType<typeof openApiDocument>["paths"];

// The generated document (validated as OpenAPI 3.1 on loading), and every response checked
// against what it declares for the path and status.
async function loadOpenApi() {
  const document = openApiDocument();
  const checker = await openApiChecker(document);
  async function expectMatches(path: ApiPath, response: Response): Promise<unknown> {
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body: unknown = await response.json();
    expect(checker.problems(path, response.status, body)).toEqual([]);
    return body;
  }
  return { document, expectMatches };
}

let api: Awaited<ReturnType<typeof loadOpenApi>>;
let open: Campaign;
let closed: Campaign;
let pastItsClosingTime: Campaign;
let notYetOpen: Campaign;
let draft: Campaign;
let decisionMakerEmail: string;
let decisionMakerId: string;

async function confirmedSignature(campaignId: string, country: string, confirmedAt: Date) {
  await createSealedSignature({ campaignId, state: "CONFIRMED", name: "Layla Haddad", country, locale: "en", confirmedAt, emailDomain: "example.org" });
  await db.$transaction((tx) => addConfirmed(tx, campaignId, 1));
}

beforeAll(async () => {
  api = await loadOpenApi();
  open = await createCampaign({ goals: [2, 10] });
  closed = await createCampaign({ status: "CLOSED" });
  draft = await createCampaign({ status: "DRAFT" });
  pastItsClosingTime = await createCampaign({ status: "OPEN", closesAt: new Date(Date.now() - 60_000) });
  notYetOpen = await createCampaign({ status: "OPEN", opensAt: new Date(Date.now() + 86_400_000) });

  const statement = await db.sourceStatement.create({
    data: {
      slug: `statement-${randomUUID().slice(0, 8)}`,
      authorName: "Syrian Civil Defence",
      title: { en: "Stop the bombing of civilians", ar: "أوقفوا قصف المدنيين" },
      publishedOn: new Date("2026-10-01T00:00:00Z"),
      language: "en",
      summary: { en: "A statement." },
      url: "https://example.org/statement",
    },
  });
  await db.campaign.update({ where: { id: open.id }, data: { sourceStatementId: statement.id, body: { en: "Body", ar: "النص" } } });
  await db.demand.createMany({
    data: [
      { campaignId: open.id, position: 1, kind: "CEASEFIRE", text: { en: "A ceasefire now", ar: "وقف إطلاق النار الآن" }, sourceQuote: "We call for an immediate ceasefire", sourceStatementId: statement.id },
      { campaignId: open.id, position: 2, kind: "HUMANITARIAN_ACCESS", text: { en: "Open the crossings" } },
    ],
  });
  decisionMakerEmail = uniqueEmail("minister");
  const decisionMaker = await db.decisionMaker.create({
    data: { name: { en: "A. Minister" }, title: { en: "Foreign Minister", ar: "وزير الخارجية" }, institution: { en: "Ministry of Foreign Affairs" }, country: "GB", email: decisionMakerEmail },
  });
  decisionMakerId = decisionMaker.id;
  await db.campaignTarget.create({ data: { campaignId: open.id, decisionMakerId } });

  await confirmedSignature(open.id, "SY", new Date("2026-11-01T10:00:00Z"));
  await confirmedSignature(open.id, "SY", new Date("2026-11-02T09:00:00Z"));
  await confirmedSignature(open.id, "TR", new Date("2026-11-02T23:59:00Z"));
  await createSealedSignature({ campaignId: open.id, state: "PENDING", name: "Not yet", country: "DE", locale: "en" });

  // Of these, only the first two left: the provider accepted them. The rest never did.
  for (const [index, status] of (["DELIVERED", "SENT", "QUEUED", "FAILED", "MAILBOX"] as const).entries()) {
    await db.digest.create({
      data: {
        campaignId: open.id,
        decisionMakerId,
        kind: "SCHEDULED",
        periodKey: `daily:2026-11-0${index + 1}`,
        newSignatures: 1,
        totalSignatures: index + 1,
        fingerprint: "f".repeat(64),
        countedAt: new Date(`2026-11-0${index + 1}T12:00:00Z`),
        locale: "en",
        outboxKey: `digest:${randomUUID()}`,
        status,
        queuedAt: new Date(`2026-11-0${index + 1}T12:00:00Z`),
        sentAt: status === "DELIVERED" || status === "SENT" ? new Date(`2026-11-0${index + 1}T12:01:00Z`) : null,
        failedAt: status === "FAILED" ? new Date(`2026-11-0${index + 1}T12:01:00Z`) : null,
        deliveredAt: status === "DELIVERED" ? new Date(`2026-11-0${index + 1}T12:02:00Z`) : null,
      },
    });
  }
  await db.decisionMakerResponse.createMany({
    data: [
      { campaignId: open.id, decisionMakerId, respondedOn: new Date("2026-11-05T00:00:00Z"), summary: { en: "We will raise it.", ar: "سنطرح الأمر." }, published: true },
      { campaignId: open.id, decisionMakerId, respondedOn: new Date("2026-11-06T00:00:00Z"), summary: { en: "Not for publication" }, published: false },
    ],
  });
});

async function allPages(query: string): Promise<Summary[]> {
  const seen: Summary[] = [];
  let cursor: string | null = null;
  do {
    const response = await list.GET(get(`/campaigns?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
    expect(response.status).toBe(200);
    const page = (await api.expectMatches("/campaigns", response)) as { data: Summary[]; nextCursor: string | null };
    expect(page.data.length).toBeLessThanOrEqual(2);
    seen.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1, served as public JSON, and describes every endpoint", async () => {
    const response = openapi.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(["/campaigns", "/campaigns/{slug}", "/campaigns/{slug}/counts", "/campaigns/{slug}/counts/hourly", "/campaigns/{slug}/deliveries", "/campaigns/{slug}/responses", "/campaigns/{slug}/signatures", "/openapi.json", "/signer-events"]);
    expect(document).toEqual(JSON.parse(JSON.stringify(api.document)));
  });
});

describe("GET /api/v1/campaigns", () => {
  it("pages through every published campaign once, newest first, and never a draft", async () => {
    const campaigns = await allPages("");
    const slugs = campaigns.map((campaign) => campaign.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(expect.arrayContaining([open.slug, closed.slug]));
    expect(slugs).not.toContain(draft.slug);
    const times = campaigns.map((campaign) => campaign.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(campaigns.find((campaign) => campaign.slug === open.slug)?.totals.confirmed).toBe(3);
  });

  it("filters by status", async () => {
    const onlyClosed = await allPages("&status=closed");
    expect(onlyClosed.every((campaign) => campaign.status === "closed")).toBe(true);
    expect(onlyClosed.map((campaign) => campaign.slug)).toContain(closed.slug);
    expect(onlyClosed.map((campaign) => campaign.slug)).not.toContain(open.slug);
    // Past its closing time, a campaign is closed even before an organiser closes it.
    expect(onlyClosed.find((campaign) => campaign.slug === pastItsClosingTime.slug)?.status).toBe("closed");
    const onlyOpen = await allPages("&status=open");
    expect(onlyOpen.every((campaign) => campaign.status === "open")).toBe(true);
    expect(onlyOpen.map((campaign) => campaign.slug)).toContain(open.slug);
    expect(onlyOpen.map((campaign) => campaign.slug)).not.toContain(pastItsClosingTime.slug);
  });

  it("calls a campaign before its opening date upcoming: listed, but neither open nor closed", async () => {
    expect((await allPages("")).find((campaign) => campaign.slug === notYetOpen.slug)?.status).toBe("upcoming");
    expect((await allPages("&status=open")).map((campaign) => campaign.slug)).not.toContain(notYetOpen.slug);
    expect((await allPages("&status=closed")).map((campaign) => campaign.slug)).not.toContain(notYetOpen.slug);
    const onlyUpcoming = await allPages("&status=upcoming");
    expect(onlyUpcoming.every((campaign) => campaign.status === "upcoming")).toBe(true);
    expect(onlyUpcoming.map((campaign) => campaign.slug)).toContain(notYetOpen.slug);
    const response = await one.GET(get(`/campaigns/${notYetOpen.slug}`), slugContext(notYetOpen.slug));
    const body = (await api.expectMatches("/campaigns/{slug}", response)) as CampaignDetail;
    expect(body.status).toBe("upcoming");
  });

  it("answers CORS, cache headers and a preflight", async () => {
    const response = await list.GET(get("/campaigns?limit=1"));
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toMatch(/^public, .*s-maxage=\d+.*stale-while-revalidate=\d+/);
    const preflight = list.OPTIONS(new Request(`${base}/campaigns`, { method: "OPTIONS", headers: { Origin: "https://partner.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "accept" } }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("accept");
  });

  it("names a bad parameter in a JSON 400, in the language asked for", async () => {
    const response = await list.GET(get("/campaigns?limit=1000&status=draft&cursor=nonsense", { "Accept-Language": "ar,en;q=0.5" }));
    expect(response.status).toBe(400);
    const body = (await api.expectMatches("/campaigns", response)) as { error: string; message: string; fields: Record<string, string> };
    expect(body.error).toBe("VALIDATION");
    expect(body.fields).toEqual({ limit: "invalid", status: "invalid" });
    expect(body.message).toMatch(/[\u0600-\u06FF]/);
    const badCursor = await list.GET(get("/campaigns?cursor=nonsense"));
    expect(badCursor.status).toBe(400);
    expect(((await badCursor.json()) as { fields: object }).fields).toEqual({ cursor: "invalid" });
  });

  it("answers a cursor holding a time the database cannot compare with the same 400, on every paged list", async () => {
    const cursorAt = (time: string) => Buffer.from(JSON.stringify([time, "x"])).toString("base64url");
    for (const time of ["-271821-04-20T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "+010000-01-01T00:00:00.000Z", "2026-02-30T00:00:00.000Z", "2026-01-01"]) {
      for (const path of ["/campaigns", `/campaigns/${open.slug}/deliveries`] as const) {
        const response = path === "/campaigns" ? await list.GET(get(`${path}?cursor=${cursorAt(time)}`)) : await deliveries.GET(get(`${path}?cursor=${cursorAt(time)}`), slugContext(open.slug));
        expect(response.status, `${path} ${time}`).toBe(400);
        const body = (await api.expectMatches(path === "/campaigns" ? "/campaigns" : "/campaigns/{slug}/deliveries", response)) as { error: string; fields: object };
        expect(body, `${path} ${time}`).toMatchObject({ error: "VALIDATION", fields: { cursor: "invalid" } });
      }
    }
    // The earliest and latest times a cursor can hold still page.
    for (const time of ["0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]) {
      expect((await list.GET(get(`/campaigns?cursor=${cursorAt(time)}`))).status, time).toBe(200);
    }
  });
});

describe("GET /api/v1/campaigns/{slug}", () => {
  it("gives demands, targets without their e-mail, totals and goal progress", async () => {
    const response = await one.GET(get(`/campaigns/${open.slug}`), slugContext(open.slug));
    expect(response.status).toBe(200);
    const text = await response.clone().text();
    expect(text).not.toContain(decisionMakerEmail);
    const body = (await api.expectMatches("/campaigns/{slug}", response)) as CampaignDetail;
    expect(body.status).toBe("open");
    expect(body.totals).toEqual({ confirmed: 3, paper: 0, total: 3, goals: [2, 10], nextGoal: 10, percent: 30, reachedAllGoals: false });
    expect(body.demands.map((d) => d.kind)).toEqual(["ceasefire", "humanitarian_access"]);
    // A demand not translated has only its own language.
    expect(body.demands[1]!.text).toEqual({ en: "Open the crossings" });
    expect(body.primaryLocale).toBe("en");
    expect(body.title).toEqual(readTranslations(open.title));
    expect(body.body).toEqual({ en: "Body", ar: "النص" });
    expect(body.demands[0]).toMatchObject({ text: { en: "A ceasefire now", ar: "وقف إطلاق النار الآن" }, sourceQuote: "We call for an immediate ceasefire", statement: { authorName: "Syrian Civil Defence", publishedOn: "2026-10-01" } });
    // A text without Arabic has no ar key, like a campaign's.
    expect(body.demands[0]!.statement!.authors).toEqual([{ name: { en: "Syrian Civil Defence" } }]);
    expect(body.demands[0]!.statement!.title).toEqual({ en: "Stop the bombing of civilians", ar: "أوقفوا قصف المدنيين" });
    expect(body.targets).toEqual([
      { id: decisionMakerId, name: { en: "A. Minister" }, title: { en: "Foreign Minister", ar: "وزير الخارجية" }, institution: { en: "Ministry of Foreign Affairs" }, country: "GB" },
    ]);
    expect(body.links.html.ar).toBe(`http://nida.test/ar/campaigns/${open.slug}`);
  });

  it("gives a campaign's texts in the languages it is written in, and names the one it was written in", async () => {
    const campaign = await createCampaign();
    const title = "أوقفوا القصف على إدلب";
    const summary = "حملة بالعربية فقط.";
    await db.campaign.update({ where: { id: campaign.id }, data: { primaryLocale: "ar", title: { ar: title }, summary: { ar: summary }, body: { ar: "النص" } } });
    await db.demand.create({ data: { campaignId: campaign.id, position: 1, kind: "CEASEFIRE", text: { ar: "وقف إطلاق النار" } } });
    const response = await one.GET(get(`/campaigns/${campaign.slug}`), slugContext(campaign.slug));
    const body = (await api.expectMatches("/campaigns/{slug}", response)) as CampaignDetail;
    // No English key at all, rather than an empty or null one.
    expect(body).toMatchObject({ primaryLocale: "ar", title: { ar: title }, summary: { ar: summary }, body: { ar: "النص" } });
    expect(Object.keys(body.title)).toEqual(["ar"]);
    expect(Object.keys(body.summary)).toEqual(["ar"]);
    expect(body.demands.map((demand) => demand.text)).toEqual([{ ar: "وقف إطلاق النار" }]);
    const listed = (await allPages("")).find((item) => item.slug === campaign.slug);
    expect(listed).toMatchObject({ primaryLocale: "ar", title: { ar: title }, summary: { ar: summary } });
    expect(Object.keys(listed!.title)).toEqual(["ar"]);
  });

  it("gives organisations' and decision-makers' texts only in the languages they are given in, and lists targets by English name", async () => {
    const campaign = await createCampaign();
    const lead = campaign.owners[0]!.organisationId;
    await db.organisation.update({ where: { id: lead }, data: { name: { ar: "الدفاع المدني" }, description: {} } });
    // The organisation's own entries: shared ones would be offered to every other test's campaigns.
    const person = (name: object) => db.decisionMaker.create({ data: { organisationId: lead, name, institution: { ar: "وزارة الخارجية" }, country: "SY", email: uniqueEmail("dm") } });
    const [zaid, adel, nour] = [await person({ en: "Zaid", ar: "زيد" }), await person({ en: "Adel" }), await person({ ar: "نور" })];
    await db.campaignTarget.createMany({ data: [zaid, adel, nour].map((dm) => ({ campaignId: campaign.id, decisionMakerId: dm.id })) });
    const response = await one.GET(get(`/campaigns/${campaign.slug}`), slugContext(campaign.slug));
    const body = (await api.expectMatches("/campaigns/{slug}", response)) as CampaignDetail;
    expect(body.leadOrganisation).toStrictEqual({ ar: "الدفاع المدني" });
    expect(body.owners[0]).toMatchObject({ name: { ar: "الدفاع المدني" }, lead: true });
    expect(body.owners[0]!.name).toStrictEqual({ ar: "الدفاع المدني" });
    expect(body.owners[0]!.description).toStrictEqual({});
    // One without an English name is ordered by the name it has.
    expect(body.targets.map((target) => target.name)).toStrictEqual([{ en: "Adel" }, { en: "Zaid", ar: "زيد" }, { ar: "نور" }]);
    expect(body.targets[0]).toStrictEqual({ id: adel.id, name: { en: "Adel" }, title: {}, institution: { ar: "وزارة الخارجية" }, country: "SY" });
  });

  it("is a JSON 404 for a draft and for a slug that does not exist", async () => {
    for (const slug of [draft.slug, `missing-${randomUUID()}`]) {
      const response = await one.GET(get(`/campaigns/${slug}`), slugContext(slug));
      expect(response.status).toBe(404);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = (await api.expectMatches("/campaigns/{slug}", response)) as { error: string };
      expect(body.error).toBe("NOT_FOUND");
    }
  });

  it("is a JSON 404 at any other address under /api/v1", async () => {
    const response = fallback.GET(get("/petitions"));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "NOT_FOUND" });
  });
});

describe("GET /api/v1/campaigns/{slug}/counts", () => {
  it("counts confirmed signatures by country and by UTC day", async () => {
    const response = await counts.GET(get(`/campaigns/${open.slug}/counts`), slugContext(open.slug));
    const body = await api.expectMatches("/campaigns/{slug}/counts", response);
    expect(body).toEqual({
      campaign: open.slug,
      confirmed: 3,
      paper: 0,
      byCountry: [
        { country: "SY", confirmed: 2 },
        { country: "TR", confirmed: 1 },
      ],
      byDay: [
        { day: "2026-11-01", confirmed: 1 },
        { day: "2026-11-02", confirmed: 2 },
      ],
    });
  });

  it("hides a draft's counts", async () => {
    const response = await counts.GET(get(`/campaigns/${draft.slug}/counts`), slugContext(draft.slug));
    expect(response.status).toBe(404);
    await api.expectMatches("/campaigns/{slug}/counts", response);
  });
});

describe("GET /api/v1/campaigns/{slug}/counts/hourly", () => {
  it("counts confirmed signatures by UTC hour over the campaign's whole life, with the daily counts' cache headers", async () => {
    const response = await hourly.GET(get(`/campaigns/${open.slug}/counts/hourly`), slugContext(open.slug));
    expect(response.headers.get("cache-control")).toBe((await counts.GET(get(`/campaigns/${open.slug}/counts`), slugContext(open.slug))).headers.get("cache-control"));
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = await api.expectMatches("/campaigns/{slug}/counts/hourly", response);
    expect(body).toEqual({
      campaign: open.slug,
      byHour: [
        { hour: "2026-11-01T10:00:00Z", confirmed: 1 },
        { hour: "2026-11-02T09:00:00Z", confirmed: 1 },
        { hour: "2026-11-02T23:00:00Z", confirmed: 1 },
      ],
    });
  });

  it("puts signatures of one hour together, a year apart still apart, and leaves out the unconfirmed", async () => {
    const campaign = await createCampaign();
    await confirmedSignature(campaign.id, "SY", new Date("2025-03-15T00:00:00Z"));
    await confirmedSignature(campaign.id, "SY", new Date("2026-03-15T14:05:00Z"));
    await confirmedSignature(campaign.id, "LB", new Date("2026-03-15T14:59:59Z"));
    await confirmedSignature(campaign.id, "LB", new Date("2026-03-15T15:00:00Z"));
    await createSealedSignature({ campaignId: campaign.id, state: "INVALIDATED", name: "Taken back", country: "SY", locale: "ar", confirmedAt: new Date("2026-03-15T14:30:00Z") });
    const response = await hourly.GET(get(`/campaigns/${campaign.slug}/counts/hourly`), slugContext(campaign.slug));
    expect(await api.expectMatches("/campaigns/{slug}/counts/hourly", response)).toEqual({
      campaign: campaign.slug,
      byHour: [
        { hour: "2025-03-15T00:00:00Z", confirmed: 1 },
        { hour: "2026-03-15T14:00:00Z", confirmed: 2 },
        { hour: "2026-03-15T15:00:00Z", confirmed: 1 },
      ],
    });
  });

  it("hides a draft's counts", async () => {
    const response = await hourly.GET(get(`/campaigns/${draft.slug}/counts/hourly`), slugContext(draft.slug));
    expect(response.status).toBe(404);
    await api.expectMatches("/campaigns/{slug}/counts/hourly", response);
  });
});

describe("GET /api/v1/campaigns/{slug}/deliveries", () => {
  it("lists the digests the provider accepted, most recently sent first, page by page, and only published responses", async () => {
    const first = await deliveries.GET(get(`/campaigns/${open.slug}/deliveries?limit=1`), slugContext(open.slug));
    const page1 = (await api.expectMatches("/campaigns/{slug}/deliveries", first)) as CampaignDeliveries;
    expect(page1.digests.map((d) => d.period)).toEqual(["daily:2026-11-02"]);
    expect(page1.digests[0]).toMatchObject({ status: "sent", kind: "scheduled", sentAt: "2026-11-02T12:01:00.000Z", deliveredAt: null, decisionMaker: { institution: { en: "Ministry of Foreign Affairs" } } });
    expect(page1.responses).toEqual([
      expect.objectContaining({ respondedOn: "2026-11-05", summary: { en: "We will raise it.", ar: "سنطرح الأمر." }, url: null }),
    ]);
    expect(JSON.stringify(page1)).not.toContain(decisionMakerEmail);
    const second = await deliveries.GET(get(`/campaigns/${open.slug}/deliveries?limit=1&cursor=${page1.nextCursor!}`), slugContext(open.slug));
    const page2 = (await api.expectMatches("/campaigns/{slug}/deliveries", second)) as CampaignDeliveries;
    expect(page2.digests.map((d) => [d.period, d.status])).toEqual([["daily:2026-11-01", "delivered"]]);
    expect(page2.nextCursor).toBeNull();
  });

  it("is empty, not missing, for a campaign nothing has been delivered for", async () => {
    const response = await deliveries.GET(get(`/campaigns/${closed.slug}/deliveries`), slugContext(closed.slug));
    expect(await api.expectMatches("/campaigns/{slug}/deliveries", response)).toEqual({ campaign: closed.slug, digests: [], nextCursor: null, responses: [] });
  });
});

describe("GET /api/v1/campaigns/{slug}/responses", () => {
  it("gives each target's state against the response threshold, quoting only published answers, and hides drafts", async () => {
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const person = (name: string) => db.decisionMaker.create({ data: { organisationId, name: { en: name }, institution: { en: "Ministry" }, country: "GB", email: uniqueEmail("dm") } });
    const [asked, overdue, answered, waiting] = [await person("Asked"), await person("Overdue"), await person("Answered"), await person("Waiting")];
    await db.campaignTarget.createMany({ data: [asked, overdue, answered, waiting].map((dm) => ({ campaignId: campaign.id, decisionMakerId: dm.id })) });
    await db.responseThreshold.create({ data: { campaignId: campaign.id, signatures: 10, days: 30 } });
    const askedAt = new Date(Date.now() - 40 * 86_400_000);
    const far = new Date(Date.now() + 30 * 86_400_000);
    const past = new Date(Date.now() - 86_400_000);
    await db.responseAsk.createMany({
      data: [
        { campaignId: campaign.id, decisionMakerId: asked.id, signatures: 10, days: 30, countAtAsk: 10, askedAt, dueAt: far },
        { campaignId: campaign.id, decisionMakerId: overdue.id, signatures: 10, days: 30, countAtAsk: 10, askedAt, dueAt: past },
        { campaignId: campaign.id, decisionMakerId: answered.id, signatures: 10, days: 30, countAtAsk: 10, askedAt, dueAt: past },
      ],
    });
    await db.decisionMakerResponse.create({ data: { campaignId: campaign.id, decisionMakerId: answered.id, respondedOn: new Date("2026-11-20T00:00:00Z"), summary: { en: "Not yet public." }, published: false } });
    const response = await responsesRoute.GET(get(`/campaigns/${campaign.slug}/responses`), slugContext(campaign.slug));
    const body = (await api.expectMatches("/campaigns/{slug}/responses", response)) as CampaignResponsesBody;
    expect(body.thresholds).toEqual([{ signatures: 10, days: 30 }]);
    expect(body.targets.map((t) => [t.decisionMaker.name, t.state, t.dueAt, t.respondedOn, t.response])).toEqual([
      [{ en: "Asked" }, "asked", far.toISOString(), null, null],
      [{ en: "Overdue" }, "overdue", past.toISOString(), null, null],
      [{ en: "Answered" }, "answered", null, "2026-11-20", null],
      [{ en: "Waiting" }, "not_asked", null, null, null],
    ]);
    expect(JSON.stringify(body)).not.toContain("Not yet public.");
    const hidden = await responsesRoute.GET(get(`/campaigns/${draft.slug}/responses`), slugContext(draft.slug));
    expect(hidden.status).toBe(404);
  });
});
