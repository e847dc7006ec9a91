import { maskEmail } from "./mask-email";
import type { SignatureSelector } from "./schema";

// The selector as the audit log keeps it. An e-mail address is masked: the log outlives the
// signatures (anonymised after a campaign closes) and must not keep signers' addresses.
export function describeSelector(selector: SignatureSelector): Record<string, string | string[]> {
  if ("email" in selector) return { email: maskEmail(selector.email) };
  return { ...selector };
}
