const dotInsensitiveDomains = new Set(["gmail.com", "googlemail.com"]);

// The identity of a signer for "one signature per campaign": lower-case, "+tag" removed,
// and dots removed where the provider ignores them.
export function canonicalEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at);
  // googlemail.com is the same mailbox as gmail.com.
  const domain = trimmed.slice(at + 1) === "googlemail.com" ? "gmail.com" : trimmed.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (dotInsensitiveDomains.has(domain)) local = local.replaceAll(".", "");
  return `${local}@${domain}`;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}
