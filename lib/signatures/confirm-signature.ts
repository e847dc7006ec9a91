import { addConfirmed } from "../campaigns/counters";
import { recordMilestones } from "../campaigns/milestones";
import { db } from "../db";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { issueLetterToken } from "../letters/letter-token";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import { hashToken, looksLikeToken } from "./tokens";

export type ConfirmationView = {
  campaignSlug: string;
  campaignTitle: { en: string; ar: string | null };
  signerName: string;
  signatureLocale: Locale;
};

async function findToken(token: string) {
  if (!looksLikeToken(token)) throw new AppError("TOKEN_INVALID");
  const row = await db.confirmationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      expiresAt: true,
      signature: {
        select: {
          id: true,
          state: true,
          name: true,
          locale: true,
          country: true,
          supporterId: true,
          supporter: { select: { email: true } },
          campaign: { select: { id: true, slug: true, titleEn: true, titleAr: true, owners: { select: { organisationId: true } } } },
        },
      },
    },
  });
  if (!row) throw new AppError("TOKEN_INVALID");
  if (row.expiresAt <= new Date()) throw new AppError("TOKEN_EXPIRED");
  return row;
}

// What the confirmation page shows before the signer presses Confirm. Reading changes nothing,
// so a mail scanner that follows the link neither confirms nor uses up the token.
export async function describeConfirmation(options: { token: string }): Promise<ConfirmationView> {
  const { signature } = await findToken(options.token);
  return {
    campaignSlug: signature.campaign.slug,
    campaignTitle: { en: signature.campaign.titleEn, ar: signature.campaign.titleAr },
    signerName: signature.name,
    signatureLocale: signature.locale,
  };
}

// letterToken: lets the supporter send letters to representatives through Nida for a while.
export type ConfirmResult = { campaignSlug: string; counted: boolean; letterToken?: string };

// PENDING → CONFIRMED and the campaign's count, together or not at all. Every token of the
// signature is spent at once. A signature held as fraudulent is acknowledged the same way but
// not counted.
export async function confirmSignature(options: { token: string }): Promise<ConfirmResult> {
  const { signature } = await findToken(options.token);
  return db.$transaction(async (tx) => {
    const spent = await tx.confirmationToken.deleteMany({ where: { signatureId: signature.id } });
    if (spent.count === 0) return { campaignSlug: signature.campaign.slug, counted: false };
    const confirmedAt = new Date();
    const confirmed = await tx.signature.updateMany({
      where: { id: signature.id, state: "PENDING" },
      data: { state: "CONFIRMED", confirmedAt },
    });
    if (confirmed.count === 0) return { campaignSlug: signature.campaign.slug, counted: false };
    await addConfirmed(tx, signature.campaign.id, 1);
    await queueWebhookEvent(tx, {
      organisationIds: signature.campaign.owners.map((owner) => owner.organisationId),
      event: "signature.confirmed",
      key: signature.id,
      signatureId: signature.id,
      payload: { campaign: signature.campaign.slug, signature: signature.id, country: signature.country, confirmedAt: confirmedAt.toISOString() },
      personalData: { name: signature.name, email: signature.supporter?.email ?? null },
    });
    await recordMilestones(tx, signature.campaign.id);
    const letterToken = signature.supporterId ? await issueLetterToken(tx, signature.supporterId, confirmedAt) : undefined;
    return { campaignSlug: signature.campaign.slug, counted: true, letterToken };
  });
}
