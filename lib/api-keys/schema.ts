import { z } from "zod";

// Messages are keys of "OrganiserApiKeys.errors", shown per field in the owner's language.
const apiKeyErrorKeys = ["nameRequired", "nameTooLong", "scopeRequired", "keyNotFound", "invalidValue"] as const;
type ApiKeyErrorKey = (typeof apiKeyErrorKeys)[number];
export type ApiKeyField = "name" | "scope" | "key";
export type ApiKeyFieldErrors = Partial<Record<ApiKeyField, ApiKeyErrorKey>>;

export const apiKeyScopes = ["read", "write"] as const;

export const createApiKeySchema = z.object({
  name: z.string({ error: "nameRequired" }).trim().min(1, "nameRequired").max(100, "nameTooLong"),
  scope: z.enum(apiKeyScopes, { error: "scopeRequired" }),
});

export function apiKeyFieldErrors(error: z.ZodError): ApiKeyFieldErrors {
  const result: ApiKeyFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as ApiKeyField | undefined;
    if (!field || result[field]) continue;
    result[field] = (apiKeyErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as ApiKeyErrorKey) : "invalidValue";
  }
  return result;
}
