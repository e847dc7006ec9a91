import { z } from "zod";
import { AppError } from "../errors";

// Organisers are identified by their e-mail address in one form everywhere: the users table, the
// verification tokens and next-auth's own lookups (it is the Email provider's normalizeIdentifier).
// The rules are next-auth's default ones: NFKC, trimmed, lower case, one "@", a dot in the domain.
export function normaliseOrganiserEmail(value: string): string {
  const trimmed = value.normalize("NFKC").trim();
  if ((trimmed.match(/@/g) ?? []).length !== 1 || trimmed.includes('"')) throw new AppError("VALIDATION", { detail: "Invalid email address format.", fields: { email: "emailInvalid" } });
  const [local, rawDomain] = trimmed.toLowerCase().split("@") as [string, string];
  const domain = rawDomain.split(",")[0] ?? "";
  if (!local || !domain || !domain.includes(".")) throw new AppError("VALIDATION", { detail: "Invalid email address format.", fields: { email: "emailInvalid" } });
  return `${local}@${domain}`;
}

// The form field: messages are translation keys, shown next to the field in either language.
export const organiserEmailSchema = z
  .string({ error: "emailRequired" })
  .trim()
  .min(1, "emailRequired")
  .max(254, "emailInvalid")
  .pipe(z.email("emailInvalid"))
  .transform((value) => normaliseOrganiserEmail(value));
