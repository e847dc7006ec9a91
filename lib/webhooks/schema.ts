import { z } from "zod";

// What an endpoint can subscribe to. Here rather than beside the queue, which seals personal data:
// the form in the browser reads this list.
export const webhookEvents = ["signature.confirmed", "milestone.reached", "digest.delivered"] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

// Messages are keys of "OrganiserWebhooks.errors", shown per field in the owner's language.
const webhookErrorKeys = ["urlRequired", "urlInvalid", "urlScheme", "urlPrivate", "eventsRequired", "endpointNotFound", "endpointDisabled", "invalidValue"] as const;
type WebhookErrorKey = (typeof webhookErrorKeys)[number];
export type WebhookField = "url" | "events" | "endpoint";
export type WebhookFieldErrors = Partial<Record<WebhookField, WebhookErrorKey>>;

// What is wrong with how an endpoint address is written, if anything. Whether it points at a
// private network is decided on the server (isPrivateHost), which the browser cannot know.
/** @internal exported for its tests */
export function urlSyntaxProblem(value: string): "urlRequired" | "urlInvalid" | "urlScheme" | null {
  if (value === "") return "urlRequired";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "urlInvalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "urlScheme";
  if (url.username || url.password || value.length > 2000) return "urlInvalid";
  return null;
}

// The same rules in the browser (instant feedback) and on the server (the check that counts).
export const createEndpointSchema = z.object({
  url: z
    .string({ error: "urlRequired" })
    .trim()
    .superRefine((value, ctx) => {
      const problem = urlSyntaxProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  events: z.array(z.enum(webhookEvents, { error: "eventsRequired" }), { error: "eventsRequired" }).min(1, "eventsRequired"),
  includePersonalData: z.boolean(),
});


export function webhookFieldErrors(error: z.ZodError): WebhookFieldErrors {
  const result: WebhookFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as WebhookField | undefined;
    if (!field || result[field]) continue;
    result[field] = (webhookErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as WebhookErrorKey) : "invalidValue";
  }
  return result;
}
