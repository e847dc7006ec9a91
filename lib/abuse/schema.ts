import { z } from "zod";
import { AccessRuleEffect, AccessRuleKind } from "../generated/prisma/enums";
import { parseIpRange } from "./access-rules";

// Validation messages are keys of the "AbuseSettings.errors" translations.
const abuseErrorKeys = [
  "limitInvalid",
  "windowInvalid",
  "thresholdInvalid",
  "kindInvalid",
  "effectInvalid",
  "patternRequired",
  "ipRangeInvalid",
  "ipHashInvalid",
  "domainInvalid",
  "emailInvalid",
  "noteTooLong",
  "ruleExists",
  "invalidValue",
] as const;
export type AbuseErrorKey = (typeof abuseErrorKeys)[number];
export type AbuseFieldErrors = Record<string, AbuseErrorKey>;

export function abuseFieldErrors(error: z.ZodError): AbuseFieldErrors {
  const result: AbuseFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    if (result[field]) continue;
    result[field] = (abuseErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as AbuseErrorKey) : "invalidValue";
  }
  return result;
}

const limit = z.coerce.number({ error: "limitInvalid" }).int("limitInvalid").min(1, "limitInvalid").max(100_000, "limitInvalid");
const window = z.coerce.number({ error: "windowInvalid" }).int("windowInvalid").min(1, "windowInvalid").max(604_800, "windowInvalid");

export const abuseSettingsSchema = z.object({
  rateBurstLimit: limit,
  rateBurstWindowSeconds: window,
  rateSustainedLimit: limit,
  rateSustainedWindowSeconds: window,
  rateCeilingLimit: limit,
  rateCeilingWindowSeconds: window,
  trendingThreshold: z.coerce.number({ error: "thresholdInvalid" }).int("thresholdInvalid").min(1, "thresholdInvalid").max(1_000_000, "thresholdInvalid"),
});
export type AbuseSettings = z.output<typeof abuseSettingsSchema>;

// A whole IP hash as Nida stores it (lib/secrets.ts hashIp): 32 base64url characters.
const ipHashPattern = /^[A-Za-z0-9_-]{32}$/;

// A domain or a glob of one: letters, digits, hyphens and "*" in dot-separated labels.
const domainPattern = /^(?:[a-z0-9*](?:[a-z0-9*-]{0,61}[a-z0-9*])?\.)+[a-z0-9*-]{1,63}$/;

export const accessRuleSchema = z
  .object({
    kind: z.enum(Object.values(AccessRuleKind) as [AccessRuleKind, ...AccessRuleKind[]], "kindInvalid"),
    effect: z.enum(Object.values(AccessRuleEffect) as [AccessRuleEffect, ...AccessRuleEffect[]], "effectInvalid"),
    pattern: z.string({ error: "patternRequired" }).trim().min(1, "patternRequired").max(254, "patternRequired"),
    note: z.preprocess((value) => (value === null || value === "" ? undefined : value), z.string().trim().max(200, "noteTooLong").optional()),
  })
  .superRefine((rule, ctx) => {
    const bad = (message: AbuseErrorKey) => ctx.addIssue({ code: "custom", path: ["pattern"], message });
    const lower = rule.pattern.toLowerCase();
    if (rule.kind === "IP_RANGE" && !parseIpRange(lower)) bad("ipRangeInvalid");
    if (rule.kind === "IP_HASH" && !ipHashPattern.test(rule.pattern)) bad("ipHashInvalid");
    if (rule.kind === "EMAIL_DOMAIN" && !domainPattern.test(lower.replace(/^@/, ""))) bad("domainInvalid");
    if (rule.kind === "EMAIL_ADDRESS" && !z.email().safeParse(lower).success) bad("emailInvalid");
  })
  .transform((rule) => ({
    ...rule,
    // Stored in one spelling, so the unique index catches the same rule written twice. A hash is
    // case-sensitive (base64url) and stays as it is.
    pattern: rule.kind === "IP_HASH" ? rule.pattern : rule.kind === "IP_RANGE" ? canonicalRange(rule.pattern.toLowerCase()) : rule.pattern.toLowerCase().replace(/^@/, ""),
  }));

function canonicalRange(pattern: string): string {
  const [address, prefix] = parseIpRange(pattern)!;
  const full = address.kind() === "ipv4" ? 32 : 128;
  return prefix === full ? address.toString() : `${address.toString()}/${prefix}`;
}
