import { z } from "zod";
import { defaultLocale, locales, type Locale } from "../i18n/locales";
import { storedTranslations, translationsSchema } from "../i18n/translations";

// Messages are keys of "Updates.errors", shown per field in the organiser's language. The schema
// takes the form's own values (strings, each text per language), so the browser and the server
// run the same rules.
export const updateLimits = { subject: 150, body: 20_000 } as const;

export const updateErrorKeys = [
  "subjectRequired",
  "subjectTooLong",
  "bodyRequired",
  "bodyTooLong",
  "translationIncomplete",
  "deliveryRequired",
  "scheduleInvalid",
  "schedulePast",
  "notEditable",
  "needsApproval",
  "notAwaitingApproval",
  "notSendable",
  "notCancellable",
  "notDeletable",
  "noRecipients",
  "invalidValue",
] as const;
export type UpdateErrorKey = (typeof updateErrorKeys)[number];
// Keyed by the field's path: "subject.ar", "body.en", "mailed", "form".
export type UpdateFieldErrors = Partial<Record<string, UpdateErrorKey>>;

const checkbox = z.union([z.literal("on"), z.literal("true"), z.literal("")]).optional().transform((value) => value === "on" || value === "true");

// The language an update is written in first, the only one it needs: its campaign's, or English
// for an update about all of the organisation's campaigns (which may each be in another language).
function updatePrimaryLocale(scope: "campaign" | "organisation", campaignLocale: Locale): Locale {
  return scope === "campaign" ? campaignLocale : defaultLocale;
}

// `campaignLocale`: the primary language of the campaign whose pages the update is written from.
export function updateDraftSchema(options: { campaignLocale: Locale }) {
  return z
    .object({
      scope: z.enum(["campaign", "organisation"], { error: "invalidValue" }),
      subject: translationsSchema<UpdateErrorKey>(updateLimits.subject, { tooLong: "subjectTooLong", invalid: "invalidValue" }),
      body: translationsSchema<UpdateErrorKey>(updateLimits.body, { tooLong: "bodyTooLong", invalid: "invalidValue" }),
      mailed: checkbox,
      published: checkbox,
    })
    .superRefine((value, context) => {
      // A text too long leaves the values as typed: read them as they would be stored.
      const subject = storedTranslations(value.subject ?? {});
      const body = storedTranslations(value.body ?? {});
      const primary = updatePrimaryLocale(value.scope, options.campaignLocale);
      if (!subject[primary]) context.addIssue({ code: "custom", path: ["subject", primary], message: "subjectRequired" });
      if (!body[primary]) context.addIssue({ code: "custom", path: ["body", primary], message: "bodyRequired" });
      // Every other language is all or nothing: a subject without a message (or the reverse) would mail half an update.
      for (const locale of locales) {
        if (locale === primary || Boolean(subject[locale]) === Boolean(body[locale])) continue;
        context.addIssue({ code: "custom", path: [subject[locale] ? "body" : "subject", locale], message: "translationIncomplete" });
      }
      if (!value.mailed && !value.published) context.addIssue({ code: "custom", path: ["mailed"], message: "deliveryRequired" });
    });
}
export type UpdateDraft = z.output<ReturnType<typeof updateDraftSchema>>;

// "2026-12-24T09:30" from a datetime-local field, read as UTC (the pages show times in UTC).
export const scheduleSchema = z
  .string({ error: "scheduleInvalid" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "scheduleInvalid")
  .transform((value) => new Date(`${value}:00Z`))
  .refine((date) => !Number.isNaN(date.getTime()), "scheduleInvalid");

// Each field's first problem, as a translation key; anything unforeseen becomes "invalidValue".
export function updateFieldErrors(error: z.ZodError): UpdateFieldErrors {
  const result: UpdateFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    if (result[field]) continue;
    result[field] = (updateErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as UpdateErrorKey) : "invalidValue";
  }
  return result;
}
