import type { AfterResponse } from "../after-response";
import { db } from "../db";
import { AppError } from "../errors";
import { isLocale } from "../i18n/locales";
import { signPetition } from "../signatures/sign-petition";
import { echoedSignFields } from "../signatures/sign-submission";
import { recordSignatureResult, type RecordSignatureResult } from "./schema";

// The largest body read: the sign form's own limit.
export { signRequestMaxBytes as recordSignatureMaxBytes } from "../signatures/sign-submission";

// POST /api/v1/campaigns/{slug}/signatures: a signature gathered by one of the organisation's own
// tools, on one of its campaigns. It goes through signPetition as a signature made on the page
// does (validation, one per person, the confirmation e-mail, the campaign's access rules), without
// the form's bot checks, which the key stands in for. A campaign of another organisation is "not
// found", as is a draft.
export async function recordApiSignature(options: { organisationId: string; slug: string; body: unknown; afterResponse?: AfterResponse }): Promise<RecordSignatureResult> {
  if (typeof options.body !== "object" || options.body === null || Array.isArray(options.body)) throw new AppError("VALIDATION", { fields: { body: "invalid" } });
  const body = options.body as Record<string, unknown>;
  const owned = await db.campaignOwner.findFirst({ where: { organisationId: options.organisationId, campaign: { slug: options.slug } }, select: { campaignId: true } });
  if (!owned) throw new AppError("NOT_FOUND");
  if (body.locale !== undefined && !isLocale(body.locale)) throw new AppError("VALIDATION", { fields: { locale: "invalid" } });
  const result = await signPetition({
    campaignSlug: options.slug,
    input: Object.fromEntries(echoedSignFields.map((key) => [key, body[key]])),
    locale: isLocale(body.locale) ? body.locale : "en",
    afterResponse: options.afterResponse,
  });
  return recordSignatureResult.parse({ campaign: result.campaignSlug, status: "confirmation_sent" });
}
