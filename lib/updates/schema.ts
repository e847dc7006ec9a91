import { z } from "zod";

// Messages are keys of "Updates.errors", shown per field in the organiser's language. The schema
// takes the form's own values (strings), so the browser and the server run the same rules.
export const updateLimits = { subject: 150, body: 20_000 } as const;

export const updateErrorKeys = [
  "subjectRequired",
  "subjectTooLong",
  "bodyRequired",
  "bodyTooLong",
  "arabicIncomplete",
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
export type UpdateFieldErrors = Partial<Record<string, UpdateErrorKey>>;

const optionalText = (max: number, tooLong: UpdateErrorKey) =>
  z.string({ error: "invalidValue" }).trim().max(max, tooLong).optional().transform((value) => (value ? value : null));
const checkbox = z.union([z.literal("on"), z.literal("true"), z.literal("")]).optional().transform((value) => value === "on" || value === "true");

export const updateDraftSchema = z
  .object({
    scope: z.enum(["campaign", "organisation"], { error: "invalidValue" }),
    subjectEn: z.string({ error: "subjectRequired" }).trim().min(1, "subjectRequired").max(updateLimits.subject, "subjectTooLong"),
    bodyEn: z.string({ error: "bodyRequired" }).trim().min(1, "bodyRequired").max(updateLimits.body, "bodyTooLong"),
    subjectAr: optionalText(updateLimits.subject, "subjectTooLong"),
    bodyAr: optionalText(updateLimits.body, "bodyTooLong"),
    mailed: checkbox,
    published: checkbox,
  })
  .superRefine((value, context) => {
    // Arabic is all or nothing: a subject without a body (or the reverse) would mail half a message.
    if (Boolean(value.subjectAr) !== Boolean(value.bodyAr)) {
      context.addIssue({ code: "custom", path: [value.subjectAr ? "bodyAr" : "subjectAr"], message: "arabicIncomplete" });
    }
    if (!value.mailed && !value.published) context.addIssue({ code: "custom", path: ["mailed"], message: "deliveryRequired" });
  });
export type UpdateDraft = z.output<typeof updateDraftSchema>;

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
    const field = String(issue.path[0] ?? "form");
    if (result[field]) continue;
    result[field] = (updateErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as UpdateErrorKey) : "invalidValue";
  }
  return result;
}
