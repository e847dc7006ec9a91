import { z } from "zod";
import { apiUrl } from "../public-urls";
import { apiSchemas, campaignListQuery, pageQuery, signerFeedQuery, slugParam } from "./schema";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers shape their
// responses with (zod 4's own JSON Schema output, whose draft 2020-12 is OpenAPI 3.1's dialect).

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

// A schema without the keywords that only make sense for a standalone document.
function embedded(schema: JsonSchema): JsonSchema {
  const copy = { ...schema };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embedded(schema)]));
}

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input" }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: (json.required ?? []).includes(name), description, schema: rest };
  });
}

const slugParameter = () => {
  const { description, ...schema } = embedded(z.toJSONSchema(slugParam) as JsonSchema);
  return { name: "slug", in: "path", required: true, description, schema };
};

const cacheHeaders = {
  "Cache-Control": { description: "Public and short-lived: shared caches may serve it for a few seconds and revalidate in the background.", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "Always *: any site may read the API.", schema: { type: "string", const: "*" } },
};

const json = (description: string, schema: object) => ({ description, headers: cacheHeaders, content: { "application/json": { schema } } });
const notFound = json("No published campaign has this slug (drafts are never public).", ref("Error"));
const badQuery = json("A query parameter is invalid; fields names each one.", ref("Error"));

// The routes for an organisation's own tools answer without caching and to no browser origin.
const privateJson = (description: string, schema: object) => ({
  description,
  headers: { "Cache-Control": { description: "Always no-store.", schema: { type: "string" } } },
  content: { "application/json": { schema } },
});
const keyRefusals = {
  "401": { ...privateJson("No key, an unknown key or a revoked key.", ref("Error")), headers: { "WWW-Authenticate": { description: "Bearer.", schema: { type: "string" } } } },
  "429": {
    ...privateJson("The key made more requests in the last minute than it may.", ref("Error")),
    headers: { "Retry-After": { description: "Seconds until the key may make another request.", schema: { type: "integer" } } },
  },
};
const publicAccess = { security: [] as object[] };

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Nida open API",
      version: "1.0.0",
      summary: "Public data of Nida's campaigns, and a keyed API for organisations' own tools.",
      description: [
        "Published campaigns, their demands and decision-makers, confirmed signature counts and the record of digests delivered and answers received.",
        "Every endpoint answers GET with JSON, to any origin (CORS), without authentication. Drafts are never visible.",
        "Field names are camelCase; enum values are lower-case snake_case; times are ISO 8601 in UTC; days are YYYY-MM-DD (UTC).",
        "A campaign's texts (title, summary, body, each demand) are objects keyed by language code with only the languages the campaign is written in: primaryLocale names the one it was written in, which every text has; a campaign written only in Arabic has no en key. Other texts (statements, organisations, decision-makers, responses) are objects of the same kind, with only the languages they are given in, never null; an organisation's description and a decision-maker's office may be {}.",
        "Lists are paginated with an opaque cursor: pass a page's nextCursor as cursor to get the next one; the order (newest first) is stable.",
        "Errors are JSON too: {error, message, fields?} with the status 400 or 404.",
        "An organisation's own tools also record signatures gathered elsewhere and keep a CRM in step with the organisation's consented signers. These routes need an API key, which an owner of the organisation creates on its API keys page: send it as `Authorization: Bearer nida_…`. A read key reads; a write key also records signatures. Each key may make a limited number of requests a minute (429 with Retry-After beyond it). Their answers are never cached.",
      ].join("\n\n"),
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: apiUrl.root() }],
    paths: {
      "/campaigns": {
        get: {
          operationId: "listCampaigns",
          ...publicAccess,
          summary: "Published campaigns, newest first",
          parameters: queryParameters(campaignListQuery),
          responses: { "200": json("A page of campaigns.", ref("CampaignList")), "400": badQuery },
        },
      },
      "/campaigns/{slug}": {
        get: {
          operationId: "getCampaign",
          ...publicAccess,
          summary: "One campaign with its demands, targets and totals",
          parameters: [slugParameter()],
          responses: { "200": json("The campaign.", ref("CampaignDetail")), "404": notFound },
        },
      },
      "/campaigns/{slug}/counts": {
        get: {
          operationId: "getCampaignCounts",
          ...publicAccess,
          summary: "Confirmed signatures by country and by day",
          parameters: [slugParameter()],
          responses: { "200": json("The counts.", ref("CampaignCounts")), "404": notFound },
        },
      },
      "/campaigns/{slug}/counts/hourly": {
        get: {
          operationId: "getCampaignHourlyCounts",
          summary: "Confirmed signatures by UTC hour",
          ...publicAccess,
          parameters: [slugParameter()],
          responses: { "200": json("The counts.", ref("CampaignHourlyCounts")), "404": notFound },
        },
      },
      "/campaigns/{slug}/deliveries": {
        get: {
          operationId: "getCampaignDeliveries",
          ...publicAccess,
          summary: "Digests sent to decision-makers, and their published responses",
          parameters: [slugParameter(), ...queryParameters(pageQuery)],
          responses: { "200": json("The delivery record.", ref("CampaignDeliveries")), "400": badQuery, "404": notFound },
        },
      },
      "/campaigns/{slug}/responses": {
        get: {
          operationId: "getCampaignResponses",
          ...publicAccess,
          summary: "Each decision-maker's state against the campaign's response threshold: not asked, asked (due by), overdue or answered",
          parameters: [slugParameter()],
          responses: { "200": json("The response states.", ref("CampaignResponses")), "404": notFound },
        },
      },
      "/campaigns/{slug}/signatures": {
        post: {
          operationId: "recordSignature",
          summary: "Record a signature gathered elsewhere (write key)",
          description:
            "The same checks as the campaign's sign form, one signature per person and campaign, and the same confirmation e-mail to the signer: the signature counts once they confirm. The answer never tells whether the address had signed before. The body is at most 16 KiB.",
          security: [{ apiKey: ["write"] }],
          parameters: [slugParameter()],
          requestBody: { required: true, content: { "application/json": { schema: ref("RecordSignatureRequest") } } },
          responses: {
            "202": privateJson("Recorded; the confirmation e-mail is on its way.", ref("RecordSignatureResult")),
            "400": privateJson("A field is invalid; fields names each one.", ref("Error")),
            ...keyRefusals,
            "403": privateJson("The key may only read.", ref("Error")),
            "404": privateJson("No campaign of the key's organisation has this slug (drafts included).", ref("Error")),
            "409": privateJson("The campaign is not taking signatures (not open yet, or closed).", ref("Error")),
            "413": privateJson("The body is larger than 16 KiB.", ref("Error")),
          },
        },
      },
      "/signer-events": {
        get: {
          operationId: "listSignerEvents",
          summary: "What changed among the organisation's consented signers (read key)",
          description:
            "For a CRM: confirmed signers who consented to hear from the key's organisation (signed, with their details), and those who later withdrew that consent (unsubscribed) or had their data erased (erased: delete what you hold of them). Oldest first from a cursor; store nextCursor and pass it on the next call. Personal data appears only in signed events, and only while the consent lasts.",
          security: [{ apiKey: ["read"] }],
          parameters: queryParameters(signerFeedQuery),
          responses: { "200": privateJson("A page of events.", ref("SignerEventList")), "400": privateJson("A query parameter is invalid; fields names each one.", ref("Error")), ...keyRefusals },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          ...publicAccess,
          summary: "This document",
          responses: { "200": { description: "The OpenAPI 3.1 document of this API.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "nida_<43 characters>", description: "An organisation's API key, created by one of its owners and shown once. Its scope is read or write." },
      },
    },
  };
}
