import { formState } from "@/lib/error-answers";
import type { RequestHeaders } from "@/lib/abuse/client-ip";
import type { AfterResponse } from "@/lib/after-response";
import { publicPath } from "@/lib/public-urls";
import type { FieldErrors } from "@/lib/signatures/schema";
import { submitSignForm, type SignFields, type SignedForm } from "@/lib/signatures/sign-submission";

export type SignRefusal = "campaignNotOpen" | "unavailable" | "generic";

export type SignOutcome = { signed: true; next: string } | { signed: false; fields: FieldErrors; formError?: SignRefusal; status: number };

// An unknown campaign is told as a closed one: the form has nothing else to say about it. The
// database unreachable (restarting, overloaded) is "try again shortly", not a defect.
const signRefusals = { CAMPAIGN_NOT_OPEN: "campaignNotOpen", NOT_FOUND: "campaignNotOpen", UNAVAILABLE: "unavailable" } as const;
const refusalStatus: Record<SignRefusal, number> = { campaignNotOpen: 409, unavailable: 503, generic: 500 };

// The thank-you page, in the signer's language and in the frame they signed from.
function signedPath({ campaignSlug, locale, embedded }: SignedForm): string {
  return embedded ? publicPath.embedSigned(locale, campaignSlug) : publicPath.signed(locale, campaignSlug);
}

// One submission of the sign form, as the server action (no JavaScript) and /api/signatures (the
// page's script) both answer it: where the signer goes next, or the refusal and its HTTP status.
export async function signOutcome(fields: SignFields, request: { headers: RequestHeaders; afterResponse?: AfterResponse }): Promise<SignOutcome> {
  let signed: SignedForm;
  try {
    signed = await submitSignForm(fields, request);
  } catch (error) {
    const { fields: errors, formError } = formState(error, "sign", signRefusals);
    return { signed: false, fields: errors, formError, status: formError ? refusalStatus[formError] : 400 };
  }
  return { signed: true, next: signedPath(signed) };
}
