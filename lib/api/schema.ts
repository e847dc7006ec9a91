import { z } from "zod";
import { locales, type Locale } from "../i18n/locales";

// The open API's shapes. Handlers pass every response body through these schemas (which also
// drops any field a schema does not name), and /api/v1/openapi.json is generated from the same
// schemas, so the document cannot drift from what is served. Field names are camelCase; enum
// values are lower-case snake_case; times are ISO 8601 in UTC; days are YYYY-MM-DD (UTC).

export const apiSchemas = z.registry<{ id: string }>();

// The document takes descriptions from zod's global registry, where describe() puts them, and
// only the components' names from this one.
function component<T extends z.ZodType>(id: string, description: string, schema: T): T {
  const described = schema.describe(description) as T;
  apiSchemas.add(described, { id });
  return described;
}

const dateTime = z.iso.datetime();
const day = z.iso.date();
const count = z.number().int().min(0);

// Every text is keyed by language code and holds only the languages it is given in, never null.
const languageKeyed = () => z.object(Object.fromEntries(locales.map((locale) => [locale, z.string().min(1).optional()])) as Record<Locale, z.ZodOptional<z.ZodString>>);

const campaignText = component(
  "CampaignText",
  "A campaign's text (its title, summary, body, a demand), keyed by language code: only the languages it is written in, always including the campaign's primaryLocale. A campaign written only in Arabic has no en key.",
  languageKeyed(),
);

const localizedText = component(
  "LocalizedText",
  "A name or text Nida keeps per language (a statement's title, an organisation's name, a decision-maker's, a response), keyed by language code: only the languages it is given in. Most have en; one given only in Arabic has no en key.",
  languageKeyed(),
);

const optionalLocalizedText = component(
  "OptionalLocalizedText",
  "Like LocalizedText, but it may be given in no language at all ({}): an organisation's description, a decision-maker's office.",
  languageKeyed(),
);

const campaignStatuses = ["upcoming", "open", "closed"] as const;
const demandKinds = [
  "ceasefire",
  "humanitarian_access",
  "icc_referral",
  "protection_of_civilians",
  "accountability",
  "political_transition",
  "safe_return",
  "other",
] as const;
// in_person: a delivery pack the organisers printed and handed over; sentAt and deliveredAt are when it was made.
const digestKinds = ["scheduled", "milestone", "in_person"] as const;
// Only digests that left: the provider accepted them ("sent"), and what it reported since.
const deliveryStatuses = ["sent", "delivered", "bounced", "complained"] as const;

const pageLinks = component(
  "PageLinks",
  "Where a person reads the same thing on Nida's site, per language.",
  z.object(Object.fromEntries(locales.map((locale) => [locale, z.url()])) as Record<Locale, z.ZodURL>),
);

const statement = component(
  "Statement",
  "A published statement a campaign's demands are drawn from.",
  z.object({
    slug: z.string(),
    title: localizedText,
    authors: z.array(z.object({ name: localizedText })).min(1).describe("Everyone the statement is by, in its byline's order (a joint statement has several)."),
    authorName: z.string().describe("The byline in English: every author's name, joined."),
    publishedOn: day,
    datePrecision: z.enum(["day", "month", "year"]).describe("How precise publishedOn is."),
    language: z.enum(["en", "ar"]).describe("The language the statement, and so its quotes, is written in."),
    url: z.string().nullable().describe("The statement where its authors published it, as an organiser entered it; null when none has been entered."),
    links: pageLinks,
  }),
);

const totals = component(
  "Totals",
  "Signatures confirmed online, signatures gathered on paper, their total, and the total's progress toward the next rung of the goal ladder.",
  z.object({
    confirmed: count.describe("Signatures made online whose signers confirmed their e-mail address."),
    paper: count.describe("Signatures gathered on paper sheets and entered by the campaign's organisers. They are never confirmed by e-mail."),
    total: count.describe("confirmed + paper: the count the campaign's page shows."),
    goals: z.array(z.number().int().positive()).describe("The goal ladder, ascending."),
    nextGoal: z.number().int().positive().nullable().describe("The next rung above the total; past the top rung, the top rung; null without a ladder."),
    percent: z.number().int().min(0).max(100).describe("Progress toward nextGoal, rounded down."),
    reachedAllGoals: z.boolean(),
  }),
);

const campaignSummary = component(
  "CampaignSummary",
  "A published campaign as it appears in the list.",
  z.object({
    slug: z.string(),
    status: z.enum(campaignStatuses),
    primaryLocale: z.enum(locales).describe("The language the campaign is written in; its texts always have it, and may have others."),
    title: campaignText,
    summary: campaignText,
    leadOrganisation: localizedText.nullable(),
    opensAt: dateTime.nullable(),
    closesAt: dateTime.nullable(),
    createdAt: dateTime,
    totals,
    links: z.object({ self: z.url(), html: pageLinks }),
  }),
);

export const campaignList = component(
  "CampaignList",
  "A page of campaigns, newest first. Pass nextCursor as cursor for the next page; null means the last page.",
  z.object({ data: z.array(campaignSummary), nextCursor: z.string().nullable() }),
);

const decisionMaker = component(
  "DecisionMaker",
  "Someone a campaign is addressed to: their office, never their contact details.",
  z.object({
    id: z.string(),
    name: localizedText,
    title: optionalLocalizedText,
    institution: localizedText,
    country: z.string().describe("ISO 3166-1 alpha-2, or UN / INT for international bodies."),
  }),
);

const demand = component(
  "Demand",
  "One demand of a campaign, with the statement it comes from.",
  z.object({
    position: z.number().int(),
    kind: z.enum(demandKinds),
    text: campaignText,
    sourceQuote: z.string().nullable().describe("A short quote from the source statement, in the statement's language."),
    statement: statement.nullable(),
  }),
);

const organisation = component(
  "Organisation",
  "An organisation that runs the campaign, with the public profile its owners keep: a website (https), a public contact address, and a logo in two square sizes, each at an address that names its content's SHA-256 and never changes.",
  z.object({
    slug: z.string(),
    name: localizedText,
    description: optionalLocalizedText,
    website: z.url().nullable(),
    contactEmail: z.email().nullable(),
    logo: z.object({ large: z.url().describe("256×256 WebP"), small: z.url().describe("64×64 WebP") }).nullable(),
    lead: z.boolean().describe("Whether it leads the campaign (one does)."),
  }),
);

const milestone = component("Milestone", "A rung of the goal ladder and when the count reached it.", z.object({ goal: z.number().int().positive(), reachedAt: dateTime }));

export const campaignDetail = component(
  "CampaignDetail",
  "One published campaign with its demands, targets and totals.",
  campaignSummary.extend({
    body: campaignText,
    owners: z.array(organisation).describe("The organisations that run it, the lead first."),
    statement: statement.nullable(),
    demands: z.array(demand),
    targets: z.array(decisionMaker),
    milestones: z.array(milestone),
    links: z.object({ self: z.url(), html: pageLinks, counts: z.url(), deliveries: z.url() }),
  }),
);

export const campaignCounts = component(
  "CampaignCounts",
  "Confirmed signatures of one campaign, by country (most first) and by UTC day (oldest first).",
  z.object({
    campaign: z.string().describe("The campaign's slug."),
    confirmed: count.describe("Signatures made online whose signers confirmed their e-mail address; byCountry and byDay break these down."),
    paper: count.describe("Signatures gathered on paper sheets and entered by the campaign's organisers, never confirmed by e-mail. The campaign's page shows confirmed + paper."),
    byCountry: z.array(z.object({ country: z.string(), confirmed: count })),
    byDay: z.array(z.object({ day, confirmed: count })),
  }),
);

export const campaignHourlyCounts = component(
  "CampaignHourlyCounts",
  "Confirmed signatures of one campaign by UTC hour, over the campaign's whole life (oldest first). Hours without a confirmed signature are left out.",
  z.object({
    campaign: z.string().describe("The campaign's slug."),
    byHour: z.array(z.object({ hour: dateTime.describe("The hour's start, in UTC, e.g. 2026-11-21T14:00:00Z."), confirmed: count })),
  }),
);

const digestDelivery = component(
  "DigestDelivery",
  "A digest of the campaign the mail provider accepted for one decision-maker, and what the provider reported since. Digests still queued, that failed, or that never left the system are not listed.",
  z.object({
    id: z.string(),
    decisionMaker,
    kind: z.enum(digestKinds),
    period: z.string().describe('"daily:2026-11-21", "weekly:2026-W47", "milestone:10000" or "in-person:2026-12-06T17:19:38.000Z" (the moment an in-person pack was counted).'),
    newSignatures: count.describe("Confirmed since this decision-maker's previous digest (all of them in the first)."),
    totalSignatures: count,
    fingerprint: z.string().describe("SHA-256 over the sorted ids of the confirmed signatures counted in totalSignatures."),
    paperSignatures: count.nullable().describe("Signatures gathered on paper, counted at the same moment (null for a digest counted before paper signatures were fingerprinted)."),
    paperFingerprint: z
      .string()
      .nullable()
      .describe('SHA-256 (hex) over the ids of the paper signatures counted in paperSignatures, sorted bytewise and joined by "\\n" (of the empty string when there are none); null when paperSignatures is.'),
    countedAt: dateTime,
    status: z
      .enum(deliveryStatuses)
      .describe("sent: the mail provider accepted it; delivered: the provider reported it delivered to the recipient's mail server; bounced: it came back undelivered; complained: the recipient marked it as spam."),
    queuedAt: dateTime,
    sentAt: dateTime.describe("When the mail provider accepted it."),
    deliveredAt: dateTime.nullable(),
    bouncedAt: dateTime.nullable(),
  }),
);

const decisionMakerResponse = component(
  "DecisionMakerResponse",
  "A published answer from a decision-maker.",
  z.object({ id: z.string(), decisionMaker, respondedOn: day, summary: localizedText, url: z.string().nullable() }),
);

export const campaignDeliveries = component(
  "CampaignDeliveries",
  "The delivery record of one campaign: digests the mail provider accepted (most recently sent first, paginated) and every published response.",
  z.object({
    campaign: z.string().describe("The campaign's slug."),
    digests: z.array(digestDelivery),
    nextCursor: z.string().nullable(),
    responses: z.array(decisionMakerResponse),
  }),
);

const responseStates = ["not_asked", "asked", "overdue", "answered"] as const;

const targetResponse = component(
  "TargetResponse",
  "Where one decision-maker the campaign addresses stands with the answer its response threshold asks for.",
  z.object({
    decisionMaker,
    state: z
      .enum(responseStates)
      .describe("not_asked: the count has not reached the threshold (or there is none); asked: it has, and the answer is due by dueAt; overdue: dueAt has passed and no response is recorded; answered: the organisers recorded a response (quoted in response once they publish it)."),
    askedAt: dateTime.nullable().describe("When the count reached the threshold; null unless asked or overdue."),
    dueAt: dateTime.nullable().describe("When the answer is (or was) due; null unless asked or overdue."),
    thresholdSignatures: count.nullable().describe("The count the ask was made at; null unless asked or overdue."),
    respondedOn: day.nullable().describe("The date of the latest response; null unless answered."),
    response: z.object({ summary: localizedText, url: z.string().nullable() }).nullable().describe("The latest published response; null when none is published."),
  }),
);

export const campaignResponses = component(
  "CampaignResponses",
  "The response threshold of one campaign (at a count of confirmed online and paper signatures, each target is asked to answer within a number of days) and each target's state.",
  z.object({
    campaign: z.string().describe("The campaign's slug."),
    count: count.describe("The public count: confirmed online signatures and paper ones."),
    thresholds: z.array(z.object({ signatures: count, days: z.number().int().min(1).max(365) })),
    targets: z.array(targetResponse),
  }),
);

// ---- For an organisation's own tools, with an API key.

// Documented only: the body is checked by the sign form's own schema (lib/signatures), field by field.
component(
  "RecordSignatureRequest",
  "A signature gathered elsewhere (a stall's tablet, another form), recorded as if signed on the campaign's page: the same checks, one signature per person per campaign, and the same confirmation e-mail; it counts once the signer confirms.",
  z.object({
    name: z.string().max(100).describe("The signer's name; no web addresses, and it may not start with = + - @."),
    email: z.email().max(254).describe("Where the confirmation e-mail goes."),
    country: z.string().length(2).describe("ISO 3166-1 alpha-2."),
    postcode: z.string().max(16).optional(),
    comment: z.string().max(500).optional(),
    consent: z.boolean().optional().describe("The signer agreed to hear from the campaign's organisations."),
    showPublicly: z.boolean().optional().describe("The signer agreed to show their first name and country among recent signers."),
    locale: z.enum(locales).optional().describe("The language of the confirmation e-mail; en when absent."),
  }),
);

export const recordSignatureResult = component(
  "RecordSignatureResult",
  "The signature is recorded and its signer is sent a confirmation e-mail. The answer is the same when the address had signed before (the e-mail is then sent again, up to five times): it never tells whether someone signed.",
  z.object({ campaign: z.string().describe("The campaign's slug."), status: z.literal("confirmation_sent") }),
);

const signerDetails = component(
  "SignerDetails",
  "A signer who consented to hear from the organisation, as they signed one of its campaigns.",
  z.object({
    name: z.string(),
    email: z.string(),
    country: z.string(),
    postcode: z.string().nullable(),
    locale: z.enum(locales),
    campaign: z.string().describe("The slug of the campaign signed."),
    confirmedAt: dateTime,
  }),
);

const signerEvent = component(
  "SignerEvent",
  "One change for a CRM to follow. signer is an opaque id, the same for a person across the organisation's campaigns (and different in every organisation's feed). signed carries the signer's details; unsubscribed (consent withdrawn) and erased (the person asked for their data to be deleted: delete yours too) carry none.",
  z.object({
    id: z.string(),
    type: z.enum(["signed", "unsubscribed", "erased"]),
    occurredAt: dateTime,
    signer: z.string(),
    details: signerDetails.nullable(),
  }),
);

export const signerEventList = component(
  "SignerEventList",
  "Changes in the order they happened, oldest first. Keep nextCursor and pass it as cursor next time to get only what changed since; hasMore says whether to ask again at once.",
  z.object({ data: z.array(signerEvent), nextCursor: z.string(), hasMore: z.boolean() }),
);

export const signerFeedQuery = z.object({
  limit: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(500, "invalid").default(100).describe("Events per page, 1 to 500."),
  cursor: z.string().max(500, "invalid").optional().describe("nextCursor from the previous page; absent to start from the beginning."),
});

// Documented only: the body is built by errorResponse (lib/error-answers.ts); the API's tests
// check every error it answers against this schema.
component(
  "Error",
  "What went wrong: a stable code, a message in the language asked for (Accept-Language), and per-field codes for VALIDATION.",
  z.object({
    error: z.enum(["NOT_FOUND", "VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "CAMPAIGN_NOT_OPEN", "RATE_LIMITED", "PAYLOAD_TOO_LARGE"]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
);

// Query strings. Unknown parameters are ignored; a bad value is a 400 naming the field.
export const pageQuery = z.object({
  limit: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(100, "invalid").default(20).describe("Items per page, 1 to 100."),
  cursor: z.string().max(500, "invalid").optional().describe("nextCursor from the previous page."),
});

export const campaignListQuery = pageQuery.extend({
  status: z.enum(campaignStatuses, { error: "invalid" }).optional().describe("Only upcoming (published, before their opening date), only open or only closed campaigns."),
});

export const slugParam = z.string().describe("The campaign's slug, as in its page's address.");

export type CampaignSummary = z.infer<typeof campaignSummary>;
export type CampaignDetail = z.infer<typeof campaignDetail>;
export type CampaignList = z.infer<typeof campaignList>;
export type CampaignHourlyCounts = z.infer<typeof campaignHourlyCounts>;
export type CampaignCounts = z.infer<typeof campaignCounts>;
export type CampaignDeliveries = z.infer<typeof campaignDeliveries>;
export type CampaignResponsesBody = z.infer<typeof campaignResponses>;
export type RecordSignatureResult = z.infer<typeof recordSignatureResult>;
export type SignerEventList = z.infer<typeof signerEventList>;
