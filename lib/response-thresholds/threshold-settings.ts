import { z } from "zod";
import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { runResponseJob } from "./run-response-job";

// Messages are keys of "Delivery.errors".
const thresholdSchema = z.object({
  signatures: z.coerce.number({ error: "thresholdSignaturesInvalid" }).int("thresholdSignaturesInvalid").min(1, "thresholdSignaturesInvalid").max(100_000_000, "thresholdSignaturesInvalid"),
  days: z.coerce.number({ error: "thresholdDaysInvalid" }).int("thresholdDaysInvalid").min(1, "thresholdDaysInvalid").max(365, "thresholdDaysInvalid"),
});
type ThresholdField = keyof z.infer<typeof thresholdSchema>;

export type ResponseThresholdValues = { signatures: number; days: number };

function thresholdFieldErrors(error: z.ZodError): Partial<Record<ThresholdField, string>> {
  const result: Partial<Record<ThresholdField, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as ThresholdField | undefined;
    if (field && !result[field]) result[field] = issue.message;
  }
  return result;
}

// The campaign's response threshold, set or cleared (both fields empty) by an organiser. The model
// holds a ladder; the form keeps one, so a save replaces whatever was there. Asks already recorded
// keep the count and days they were made with.
export async function setResponseThreshold(options: { actor: Actor; campaignId: string; values: { signatures: string; days: string } }): Promise<ResponseThresholdValues | null> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const clearing = options.values.signatures.trim() === "" && options.values.days.trim() === "";
  const parsed = clearing ? null : thresholdSchema.safeParse({ signatures: options.values.signatures.trim() || undefined, days: options.values.days.trim() || undefined });
  if (parsed && !parsed.success) throw new AppError("VALIDATION", { fields: thresholdFieldErrors(parsed.error) });
  const threshold = parsed?.data ?? null;
  await db.$transaction(async (tx) => {
    await tx.responseThreshold.deleteMany({ where: { campaignId: options.campaignId } });
    if (threshold) await tx.responseThreshold.create({ data: { campaignId: options.campaignId, ...threshold } });
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: threshold ? "delivery.threshold.set" : "delivery.threshold.clear",
      campaignId: options.campaignId,
      affected: 1,
      details: threshold ?? {},
    });
  });
  // A count already past the new threshold asks at once, rather than at the job's next round.
  if (threshold) await runResponseJob({ campaignId: options.campaignId });
  return threshold;
}
