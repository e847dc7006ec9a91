import { z } from "zod";
import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { storedTranslations } from "../i18n/translations";
import { recordNoticeEvent } from "../notices/record-notice-event";

// Messages are keys of "Delivery.errors".
const responseSchema = z.object({
  decisionMakerId: z.string({ error: "decisionMakerRequired" }).trim().min(1, "decisionMakerRequired").max(64, "decisionMakerRequired"),
  respondedOn: z
    .string({ error: "dateInvalid" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getTime() <= Date.now();
    }, "dateInvalid"),
  // The summary in English and in Arabic: either will do (the refinement below asks for one).
  summary: z.string({ error: "summaryRequired" }).trim().max(2_000, "summaryTooLong").nullish(),
  summaryAr: z.string({ error: "summaryRequired" }).trim().max(2_000, "summaryTooLong").nullish(),
  url: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z.url({ protocol: /^https?$/, error: "urlInvalid" }).max(500, "urlInvalid").nullable().default(null),
  ),
  published: z.boolean().default(false),
}).refine((values) => Boolean(values.summary || values.summaryAr), {
  message: "summaryRequired",
  path: ["summary"],
  // Asked even when another field is wrong, so the form names every problem at once.
  when: (payload) => typeof payload.value === "object" && payload.value !== null,
});
type ResponseField = keyof z.infer<typeof responseSchema>;

// One message per field, in the form's order (a missing summary is found after the other fields).
function responseFieldErrors(error: z.ZodError): Partial<Record<ResponseField, string>> {
  const result: Partial<Record<ResponseField, string>> = {};
  for (const field of Object.keys(responseSchema.shape) as ResponseField[]) {
    const issue = error.issues.find((one) => one.path[0] === field);
    if (issue) result[field] = issue.message;
  }
  return result;
}

// An organiser records what a decision-maker answered; it stays private until they publish it.
export async function recordResponse(options: { actor: Actor; campaignId: string; values: unknown }): Promise<{ id: string }> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const parsed = responseSchema.safeParse(options.values);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: responseFieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const target = await tx.campaignTarget.findUnique({ where: { campaignId_decisionMakerId: { campaignId: options.campaignId, decisionMakerId: input.decisionMakerId } } });
    if (!target) throw new AppError("VALIDATION", { fields: { decisionMakerId: "decisionMakerRequired" } });
    const created = await tx.decisionMakerResponse.create({
      data: {
        campaignId: options.campaignId,
        decisionMakerId: input.decisionMakerId,
        respondedOn: new Date(`${input.respondedOn}T00:00:00Z`),
        summary: storedTranslations({ en: input.summary, ar: input.summaryAr }),
        url: input.url,
        published: input.published,
      },
      select: { id: true },
    });
    await recordAudit(tx, { organisationId: access.organisationId, actor: options.actor, action: "delivery.response.record", campaignId: options.campaignId, affected: 1, details: { response: created.id } });
    // Supporters hear of an answer once it is public (the notice quotes it).
    if (input.published) await recordNoticeEvent(tx, { campaignId: options.campaignId, kind: "ANSWERED", decisionMakerId: input.decisionMakerId, responseId: created.id });
    return created;
  });
}

export async function setResponsePublished(options: { actor: Actor; campaignId: string; responseId: string; published: boolean }): Promise<void> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  await db.$transaction(async (tx) => {
    const updated = await tx.decisionMakerResponse.updateMany({ where: { id: options.responseId, campaignId: options.campaignId }, data: { published: options.published } });
    if (updated.count === 0) throw new AppError("NOT_FOUND");
    if (options.published) {
      const response = await tx.decisionMakerResponse.findUniqueOrThrow({ where: { id: options.responseId }, select: { decisionMakerId: true } });
      await recordNoticeEvent(tx, { campaignId: options.campaignId, kind: "ANSWERED", decisionMakerId: response.decisionMakerId, responseId: options.responseId });
    }
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: options.published ? "delivery.response.publish" : "delivery.response.unpublish",
      campaignId: options.campaignId,
      affected: 1,
      details: { response: options.responseId },
    });
  });
}
