import { z } from "zod";
import { apiUrl } from "../public-urls";
import { apiSchemas, campaignListQuery, pageQuery, slugParam } from "./schema";

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

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Nida open API",
      version: "1.0.0",
      summary: "Read-only public data of Nida's campaigns.",
      description: [
        "Published campaigns, their demands and decision-makers, confirmed signature counts and the record of digests delivered and answers received.",
        "Every endpoint answers GET with JSON, to any origin (CORS), without authentication. Drafts are never visible.",
        "Field names are camelCase; enum values are lower-case snake_case; times are ISO 8601 in UTC; days are YYYY-MM-DD (UTC).",
        "Lists are paginated with an opaque cursor: pass a page's nextCursor as cursor to get the next one; the order (newest first) is stable.",
        "Errors are JSON too: {error, message, fields?} with the status 400 or 404.",
      ].join("\n\n"),
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: apiUrl.root() }],
    paths: {
      "/campaigns": {
        get: {
          operationId: "listCampaigns",
          summary: "Published campaigns, newest first",
          parameters: queryParameters(campaignListQuery),
          responses: { "200": json("A page of campaigns.", ref("CampaignList")), "400": badQuery },
        },
      },
      "/campaigns/{slug}": {
        get: {
          operationId: "getCampaign",
          summary: "One campaign with its demands, targets and totals",
          parameters: [slugParameter()],
          responses: { "200": json("The campaign.", ref("CampaignDetail")), "404": notFound },
        },
      },
      "/campaigns/{slug}/counts": {
        get: {
          operationId: "getCampaignCounts",
          summary: "Confirmed signatures by country and by day",
          parameters: [slugParameter()],
          responses: { "200": json("The counts.", ref("CampaignCounts")), "404": notFound },
        },
      },
      "/campaigns/{slug}/counts/hourly": {
        get: {
          operationId: "getCampaignHourlyCounts",
          summary: "Confirmed signatures by UTC hour",
          parameters: [slugParameter()],
          responses: { "200": json("The counts.", ref("CampaignHourlyCounts")), "404": notFound },
        },
      },
      "/campaigns/{slug}/deliveries": {
        get: {
          operationId: "getCampaignDeliveries",
          summary: "Digests sent to decision-makers, and their published responses",
          parameters: [slugParameter(), ...queryParameters(pageQuery)],
          responses: { "200": json("The delivery record.", ref("CampaignDeliveries")), "400": badQuery, "404": notFound },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          responses: { "200": { description: "The OpenAPI 3.1 document of this API.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
