import { createHmac } from "node:crypto";
import { appSecret } from "../secrets";
import { normaliseName } from "./paper-csv";

// Who a paper signature without an e-mail is, for "once per campaign": keyed with the secret that
// keys IP hashes, and with the campaign, so the same person's hashes differ between campaigns.
export function paperIdentityHash(campaignId: string, row: { name: string; country: string; postcode: string | null }): string {
  const postcode = (row.postcode ?? "").toUpperCase().replace(/[^\p{L}\p{N}]/gu, "");
  return createHmac("sha256", appSecret())
    .update(`paper:${campaignId}\u0000${normaliseName(row.name)}\u0000${row.country}\u0000${postcode}`)
    .digest("base64url")
    .slice(0, 32);
}
