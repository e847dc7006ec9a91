import { randomUUID } from "node:crypto";
import { accessVerdict } from "../abuse/access-rules";
import { normaliseIp } from "../abuse/client-ip";
import { isDisposableDomain } from "../abuse/disposable-domains";
import { checkFormGuard } from "../abuse/form-guard";
import { leadRateLimits } from "../abuse/rate-limit";
import { isValidProof } from "../abuse/verify-proof";
import { runAfterResponse, type AfterResponse } from "../after-response";
import { isPublic } from "../campaigns/lifecycle";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { hashIp } from "../secrets";
import { canonicalEmail, emailDomain } from "./canonical-email";
import { confirmationMail } from "./confirmation-mail";
import { fieldErrors } from "./schema";
import { signInputSchema } from "./sign-input";
import { mailAgain, storeFirstSignature } from "./signature-store";
import { signingCampaign } from "./signing-campaign";

// A signer may ask for the confirmation e-mail again, but an address is never mailed more than this
// (the reminder a day after signing counts in it).
export const maxConfirmationEmails = 5;

export type SignPetitionOptions = {
  campaignSlug: string;
  input: unknown;
  locale: Locale;
  ipAddress?: string | null;
  source?: string | null;
  // The sign form's honeypot and signed render time; absent for callers that are not a form.
  formGuard?: { honeypot: unknown; token: unknown };
  // The proof of work the sign form's script computed (lib/abuse/proof-of-work.ts), if any.
  proof?: unknown;
  // Runs the e-mail of someone signing again once the answer has gone (Next.js's after()).
  afterResponse?: AfterResponse;
};

// The result is the same whether the address signed before or not: it must not reveal that.
export type SignPetitionResult = { campaignSlug: string };

export async function signPetition(options: SignPetitionOptions): Promise<SignPetitionResult> {
  const parsed = signInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;

  const campaign = await signingCampaign(options.campaignSlug);
  if (!campaign || !isPublic(campaign)) throw new AppError("NOT_FOUND");
  if (!campaign.is_open) throw new AppError("CAMPAIGN_NOT_OPEN");
  const answer = { campaignSlug: campaign.slug };
  const forMail = { slug: campaign.slug, title: campaign.title, primaryLocale: campaign.primary_locale };

  // Bots are turned away without a word: they see the page a person sees, and nothing is kept.
  if (options.formGuard && checkFormGuard({ campaignSlug: campaign.slug, ...options.formGuard }) !== "ok") return answer;
  const ip = options.ipAddress ? normaliseIp(options.ipAddress) : null;
  const ipHash = hashIp(ip);
  const access = accessVerdict(campaign.rules, { ip, ipHash, email: input.email });
  if (access.blocked) return answer;
  if (!access.emailAllowed && isDisposableDomain(emailDomain(canonicalEmail(input.email)))) {
    throw new AppError("VALIDATION", { fields: { email: "emailDisposable" } });
  }

  // A coalition campaign is limited by its lead organisation's settings. A campaign under attack
  // (proofOfWork) lets no signature count for free: each needs a proof, or is held.
  const limits = leadRateLimits(campaign.owners);
  const signatureId = randomUUID();
  const stored = await storeFirstSignature({
    campaignId: campaign.id,
    signatureId,
    input,
    locale: options.locale,
    ipHash,
    source: options.source ?? null,
    rateLimits: access.ipAllowed ? null : campaign.proof_of_work ? { ...limits, burstLimit: 0 } : limits,
    proved: options.proof != null && isValidProof({ campaignSlug: campaign.slug, email: input.email, nonce: options.proof }),
    confirmation: confirmationMail(forMail, { signatureId, sequence: 1, to: input.email, locale: options.locale, name: input.name }),
  });
  if (stored.outcome === "closed" || stored.outcome === "raced") throw new AppError("CAMPAIGN_NOT_OPEN");
  // Signed before, or two identical requests racing each other: the loser of the signature's
  // unique index lands here, so there is still one signature. The e-mail is sent again (up to
  // the cap, in the language of this visit, with the name the signature holds; an invalidated
  // signature gets nothing) after the answer, so that signing again is answered after the very
  // work a first signature is, and its time does not tell that the address signed before.
  if (stored.outcome === "signed-before") {
    const { supporterId } = stored;
    await runAfterResponse(options.afterResponse, "[sign] could not send the confirmation again", () =>
      mailAgain({
        campaignId: campaign.id,
        supporterId,
        mail: (signature) =>
          signature.state === "INVALIDATED" || signature.confirmationsSent >= maxConfirmationEmails
            ? null
            : confirmationMail(forMail, {
                signatureId: signature.id,
                sequence: signature.confirmationsSent + 1,
                to: input.email,
                locale: options.locale,
                name: signature.name,
                confirmed: signature.confirmed,
                held: signature.state === "HELD" || signature.state === "FRAUDULENT",
              }),
      }),
    );
  }
  return answer;
}
