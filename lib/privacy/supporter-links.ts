import type { Locale } from "../i18n/locales";
import { publicUrl } from "../public-urls";
import { newConfirmationToken } from "../signatures/tokens";

// The links every e-mail to a supporter carries: a page to stop hearing from organisations, the
// address a mail provider POSTs to for one-click unsubscribe (RFC 8058), and a page to erase
// everything Nida holds about them.
export type SupporterLinks = { unsubscribeUrl: string; oneClickUnsubscribeUrl: string; eraseUrl: string };

// The links and the hashes to store for them, for a caller that writes the tokens itself.
export function newSupporterLinks(locale: Locale): { links: SupporterLinks; unsubscribeHash: string; eraseHash: string } {
  const unsubscribe = newConfirmationToken();
  const erase = newConfirmationToken();
  return {
    links: {
      unsubscribeUrl: publicUrl.unsubscribe(locale, unsubscribe.token),
      oneClickUnsubscribeUrl: publicUrl.oneClickUnsubscribe(unsubscribe.token),
      eraseUrl: publicUrl.erase(locale, erase.token),
    },
    unsubscribeHash: unsubscribe.tokenHash,
    eraseHash: erase.tokenHash,
  };
}

// RFC 8058: the provider shows an "Unsubscribe" button and POSTs "List-Unsubscribe=One-Click".
export function listUnsubscribeHeaders(links: SupporterLinks | undefined): Record<string, string> | undefined {
  if (!links) return undefined;
  return {
    "List-Unsubscribe": `<${links.oneClickUnsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
