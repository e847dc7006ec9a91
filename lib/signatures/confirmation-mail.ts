import { localized, type Locale } from "../i18n/locales";
import type { Translations } from "../i18n/translations";
import { outboxRow, type OutboxRow } from "../mail/send-email";
import { newSupporterLinks } from "../privacy/supporter-links";
import { publicUrl } from "../public-urls";
import { newConfirmationToken } from "./tokens";

type CampaignForMail = { slug: string; title: Translations; primaryLocale: Locale };

// A confirmation e-mail and the tokens to store with it: a new confirmation token (none for a
// signer who already confirmed) and the signer's own unsubscribe and erase links.
export type ConfirmationMail = { tokenHash: string | null; unsubscribeHash: string; eraseHash: string; mail: OutboxRow };

// The signature's `sequence`-th confirmation e-mail (the first when signing, more when signing
// again), in the language of this visit. Someone who already confirmed is sent to the campaign
// instead of a confirmation link, and told when their signature waits for the organisers (held).
// The campaign's title is in that language too when the campaign has it, else in its own.
export function confirmationMail(
  campaign: CampaignForMail,
  options: { signatureId: string; sequence: number; to: string; locale: Locale; name: string; confirmed?: boolean; held?: boolean; reminder?: boolean },
): ConfirmationMail {
  const { locale } = options;
  const confirmation = options.confirmed ? null : newConfirmationToken();
  const { links, unsubscribeHash, eraseHash } = newSupporterLinks(locale);
  const campaignUrl = publicUrl.campaign(locale, campaign.slug);
  const title = localized(locale, campaign.title, campaign.primaryLocale);
  const mail = outboxRow({
    template: "confirm-signature",
    to: options.to,
    locale,
    idempotencyKey: `confirm-signature:${options.signatureId}:${options.sequence}`,
    signatureId: options.signatureId,
    props: {
      locale,
      name: options.name,
      campaignTitle: title.text,
      campaignTitleLocale: title.locale,
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
