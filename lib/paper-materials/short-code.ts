import { env } from "../env";
import { db } from "../db";
import { AppError } from "../errors";
import { isPublic } from "../campaigns/lifecycle";
import { taggedUrl } from "../campaigns/share-channels";
import type { Locale } from "../i18n/locales";
import { publicUrl } from "../public-urls";

// A campaign's short address, printed under a poster's QR code for whoever types it by hand.
// The database draws each campaign's code when the row is made (nida_short_code() in the
// migration): seven of these thirty letters and digits, lower case, with none of the pairs a
// reader confuses in print or handwriting (0/o, 1/i/l, u/v). 30^7 is about 22 billion codes.
/** @internal exported for its tests */
export const shortCodeAlphabet = "23456789abcdefghjkmnpqrstvwxyz";
const shortCodeLength = 7;
const shortCodeShape = new RegExp(`^[${shortCodeAlphabet}]{${shortCodeLength}}$`);

// A code as a person may type it: capitals and surrounding spaces are forgiven.
/** @internal exported for its tests */
export function readShortCode(value: string): string | null {
  const code = value.trim().toLowerCase();
  return shortCodeShape.test(code) ? code : null;
}

const shortPath = (code: string) => `/s/${code}`;

// The short address as printed: without "https://", which browsers add themselves.
export function printedShortUrl(code: string): string {
  return `${env.APP_URL}${shortPath(code)}`.replace(/^https:\/\//, "");
}

// Where a short address leads: the campaign's page in the reader's language, tagged as typed
// from a poster. A draft has no public page, so its code answers as an unknown one does.
export async function shortCodeTarget(options: { code: string; locale: Locale }): Promise<string> {
  const code = readShortCode(options.code);
  const campaign = code ? await db.campaign.findUnique({ where: { shortCode: code }, select: { slug: true, status: true } }) : null;
  if (!campaign || !isPublic(campaign)) throw new AppError("NOT_FOUND");
  return taggedUrl(publicUrl.campaign(options.locale, campaign.slug), "poster");
}
