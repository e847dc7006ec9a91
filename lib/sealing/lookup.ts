import { createHmac } from "node:crypto";
import { normaliseName } from "../paper/paper-csv";
import { appSecret } from "../secrets";
import { canonicalEmail } from "../signatures/canonical-email";

// Keyed hashes that find sealed values without reading them, keyed with the secret that keys IP
// hashes (never stored in the database): equal inputs give equal hashes, and nothing else can be
// learnt from one without the secret.
function lookupHash(kind: string, value: string): string {
  return createHmac("sha256", appSecret()).update(`${kind}:${value}`).digest("base64url").slice(0, 32);
}

// The same for every spelling of one mailbox ("+tag", dots at gmail.com, capitals).
export function emailHash(email: string): string {
  return lookupHash("email", canonicalEmail(email));
}

// A name's words as moderation searches them, spelt as paper sheets are matched (case, accents,
// harakat and the forms of alef aside).
export function nameWords(name: string): string[] {
  return [...new Set(normaliseName(name).split(" ").filter(Boolean))].map((word) => lookupHash("name-word", word));
}
