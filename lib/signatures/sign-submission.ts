import { clientIp, type RequestHeaders } from "../abuse/client-ip";
import type { AfterResponse } from "../after-response";
import { honeypotField, proofField, renderedAtField } from "../abuse/form-fields";
import { channelFromSearch, isShareChannel } from "../campaigns/share-channels";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/locales";
import { signPetition } from "./sign-petition";

// The sign form's fields, as a plain form POST, the page's script or the embed sends them.
export type SignFields = { get(name: string): unknown };

// What was signed, in which language, and whether from the embed: where the signer goes next is
// the caller's to say.
export type SignedForm = { campaignSlug: string; locale: Locale; embedded: boolean };

// The largest sign request read: the form's fields at their longest (a 500-character comment of
// four-byte characters, say) fit several times over.
export const signRequestMaxBytes = 16 * 1024;

export const echoedSignFields = ["name", "email", "country", "postcode", "comment", "consent", "showPublicly"] as const;

function signFormLocale(fields: SignFields): Locale {
  const value = fields.get("locale");
  return isLocale(value) ? value : "en";
}

// The share channel that brought the signer: the form's field, or (without JavaScript) the ?s= of
// the page the form was sent from. Only the fixed list of channels is stored.
function sourceTag(fields: SignFields, referer: string | null): string | null {
  const field = fields.get("source");
  if (isShareChannel(field)) return field;
  const url = referer ? URL.parse(referer) : null;
  return url ? channelFromSearch(url.search) : null;
}

// One submission of the sign form, whichever way it came. A refusal is thrown as an AppError.
export async function submitSignForm(fields: SignFields, request: { headers: RequestHeaders; afterResponse?: AfterResponse }): Promise<SignedForm> {
  // Only a string names a campaign: a JSON body can nest arrays thousands deep, and turning those
  // into text recurses until the stack runs out.
  const campaign = fields.get("campaign");
  const slug = typeof campaign === "string" ? campaign : "";
  const locale = signFormLocale(fields);
  const input = Object.fromEntries(echoedSignFields.map((key) => [key, fields.get(key) ?? undefined]));
  await signPetition({
    campaignSlug: slug,
    input,
    locale,
    ipAddress: clientIp(request.headers, env.TRUST_PROXY_HOPS),
    source: sourceTag(fields, request.headers.get("referer")),
    formGuard: { honeypot: fields.get(honeypotField), token: fields.get(renderedAtField) },
    proof: fields.get(proofField),
    afterResponse: request.afterResponse,
  });
  return { campaignSlug: slug, locale, embedded: fields.get("embed") === "1" };
}
