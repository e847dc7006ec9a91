import { addConfirmed } from "../campaigns/counters";
import { recordMilestones } from "../campaigns/milestones";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import type { SignatureState } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { issueLetterToken } from "../letters/letter-token";
import { openSignature, openSupporterEmail } from "../sealing/signer-data";
import { wakeWebhooks } from "../webhooks/delivery-worker";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import { hashToken, looksLikeToken } from "./tokens";
import { recordSignedEvents } from "../signer-feed/record-signer-events";

export type ConfirmationView = {
  campaignSlug: string;
  campaignTitle: Translations;
  // The language the campaign is written in, which its title falls back to.
  campaignPrimaryLocale: Locale;
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
          supporter: { select: { email: true, emailHash: true } },
          campaign: { select: { id: true, slug: true, title: true, primaryLocale: true, owners: { select: { organisationId: true } } } },
        },
      },
    },
  });
  if (!row) throw new AppError("TOKEN_INVALID");
  if (row.expiresAt <= new Date()) throw new AppError("TOKEN_EXPIRED");
  return { ...row, signature: await openSignature(row.signature) };
}

// What the confirmation page shows before the signer presses Confirm. Reading changes nothing,
// so a mail scanner that follows the link neither confirms nor uses up the token.
export async function describeConfirmation(options: { token: string }): Promise<ConfirmationView> {
  const { signature } = await findToken(options.token);
  return {
    campaignSlug: signature.campaign.slug,
    campaignTitle: readTranslations(signature.campaign.title),
    campaignPrimaryLocale: signature.campaign.primaryLocale,
    signerName: signature.name,
    signatureLocale: signature.locale,
  };
}

// Where a signature stands, as its signer is told: "counted" (confirmed, in the public count),
// "held" (confirmed by its signer, counted once an organiser releases it) or "not-counted"
// (waiting for confirmation, or invalidated by the organisers).
export type SignatureStanding = "counted" | "held" | "not-counted";

function standingOf(signature: { state: SignatureState; confirmedAt: Date | null }): SignatureStanding {
  if (signature.state === "CONFIRMED") return "counted";
  if ((signature.state === "HELD" || signature.state === "FRAUDULENT") && signature.confirmedAt) return "held";
  return "not-counted";
}

// letterToken: lets the supporter send letters to representatives through Nida for a while.
// signatureId: for the thank-you page, which reads the signature's standing afresh each time.
export type ConfirmResult = { campaignSlug: string; signatureId: string; standing: SignatureStanding; counted: boolean; letterToken?: string };

// The signer confirms: `confirmed_at` is set whatever the state, every token of the signature is
// spent, and a pending signature becomes CONFIRMED and adds to the campaign's count, together or
// not at all. A held signature stays held (an organiser's release counts it, knowing it was
// confirmed); an invalidated one stays invalidated (a restore counts it). One UPDATE decides from
// the row as it is when locked, so an organiser releasing or restoring it at the same moment is
// never lost: whichever commits first, the other sees its result.
export async function confirmSignature(options: { token: string }): Promise<ConfirmResult> {
  const { signature } = await findToken(options.token);
  const campaignSlug = signature.campaign.slug;
  // For the organisations' webhooks; opened before the transaction, which on PGlite holds the one connection.
  const email = signature.supporter ? await openSupporterEmail(signature.supporter) : null;
  const result = await db.$transaction(async (tx): Promise<ConfirmResult> => {
    const spent = await tx.confirmationToken.deleteMany({ where: { signatureId: signature.id } });
    const confirmedAt = new Date();
    const [updated] =
      spent.count === 0
        ? []
        : await tx.$queryRaw<{ state: SignatureState }[]>`
            UPDATE signatures
            SET state = CASE WHEN state = 'PENDING' THEN 'CONFIRMED'::"SignatureState" ELSE state END,
              confirmed_at = ${confirmedAt.toISOString()}::timestamp, updated_at = ${confirmedAt.toISOString()}::timestamp
            WHERE id = ${signature.id} AND confirmed_at IS NULL
            RETURNING state`;
    if (updated?.state !== "CONFIRMED") {
      // Held, invalidated, or confirmed already (a second press racing the first): as it stands now.
      const now = await tx.signature.findUniqueOrThrow({ where: { id: signature.id }, select: { state: true, confirmedAt: true } });
      return { campaignSlug, signatureId: signature.id, standing: standingOf(now), counted: false };
    }
    await addConfirmed(tx, signature.campaign.id, 1);
    await recordSignedEvents(tx, signature.id);
    await queueWebhookEvent(tx, {
      organisationIds: signature.campaign.owners.map((owner) => owner.organisationId),
      event: "signature.confirmed",
      key: signature.id,
      signatureId: signature.id,
      payload: { campaign: campaignSlug, signature: signature.id, country: signature.country, confirmedAt: confirmedAt.toISOString() },
      personalData: { name: signature.name, email },
    });
    await recordMilestones(tx, signature.campaign.id);
    const letterToken = signature.supporterId ? await issueLetterToken(tx, signature.supporterId, confirmedAt) : undefined;
    return { campaignSlug, signatureId: signature.id, standing: "counted", counted: true, letterToken };
  });
  // Its webhook event (and any milestone's) is committed: the worker need not wait for its poll.
  if (result.counted) wakeWebhooks();
  return result;
}

// The thank-you page's question: where does this signature, on this campaign, stand now? Null for
// an id that is not a signature of that campaign (the page then claims nothing).
export async function signatureStanding(options: { campaignSlug: string; signatureId: string }): Promise<SignatureStanding | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.signatureId)) return null;
  const signature = await db.signature.findFirst({
    where: { id: options.signatureId, campaign: { slug: options.campaignSlug } },
    select: { state: true, confirmedAt: true },
  });
  return signature ? standingOf(signature) : null;
}

// Carries the confirmed signature's id from the confirmation to the thank-you page of its campaign,
// so that page says what is true of that signature, then and on every later visit.
export const confirmedSignatureCookie = {
  name: "nida_signature",
  options: (path: string) => ({ httpOnly: true, sameSite: "lax" as const, secure: env.APP_URL.startsWith("https:"), path, maxAge: 7 * 24 * 3600 }),
};
