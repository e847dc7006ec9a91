// Enough of an address to recognise it, not enough to write to it: for viewers and the audit log.
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••@${email.slice(at + 1)}`;
}
