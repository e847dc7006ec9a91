import type { Locale } from "../i18n/locales";
import { outboxRow, type OutboxRow } from "../mail/send-email";
import { newSupporterLinks } from "../privacy/supporter-links";
import { publicUrl } from "../public-urls";
import { newConfirmationToken } from "./tokens";

type CampaignForMail = { slug: string; titleEn: string; titleAr: string | null };

// A confirmation e-mail and the tokens to store with it: a new confirmation token (none for a
// signer who already confirmed) and the signer's own unsubscribe and erase links.
export type ConfirmationMail = { tokenHash: string | null; unsubscribeHash: string; eraseHash: string; mail: OutboxRow };

// The signature's `sequence`-th confirmation e-mail (the first when signing, more when signing
// again), in the language of this visit. Someone who already confirmed is sent to the campaign
// instead of a confirmation link, and told when their signature waits for the organisers (held).
export function confirmationMail(
  campaign: CampaignForMail,
  options: { signatureId: string; sequence: number; to: string; locale: Locale; name: string; confirmed?: boolean; held?: boolean; reminder?: boolean },
): ConfirmationMail {
  const { locale } = options;
  const confirmation = options.confirmed ? null : newConfirmationToken();
  const { links, unsubscribeHash, eraseHash } = newSupporterLinks(locale);
  const campaignUrl = publicUrl.campaign(locale, campaign.slug);
  const mail = outboxRow({
    template: "confirm-signature",
    to: options.to,
    locale,
    idempotencyKey: `confirm-signature:${options.signatureId}:${options.sequence}`,
    signatureId: options.signatureId,
    props: {
      locale,
      name: options.name,
      campaignTitle: (locale === "ar" ? campaign.titleAr : null) ?? campaign.titleEn,
      confirmUrl: confirmation ? publicUrl.confirm(locale, confirmation.token) : campaignUrl,
      campaignUrl,
      alreadyConfirmed: confirmation === null,
      ...(confirmation === null && options.held ? { held: true } : {}),
      ...(confirmation !== null && options.reminder ? { reminder: true } : {}),
      supporterLinks: links,
    },
  });
  return { tokenHash: confirmation?.tokenHash ?? null, unsubscribeHash, eraseHash, mail };
}
