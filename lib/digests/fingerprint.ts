import { createHash } from "node:crypto";

// The fingerprint of a counted set: SHA-256 (hex) over the confirmed signature ids, sorted by
// code point and joined by "\n". Anyone holding the list of ids can recompute it; the database
// computes the same thing with `string_agg(id, E'\n' ORDER BY id COLLATE "C")`.
export function fingerprintOf(signatureIds: readonly string[]): string {
  const sorted = [...signatureIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(sorted.join("\n"), "utf8").digest("hex");
}
