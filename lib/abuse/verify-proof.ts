import { createHash } from "node:crypto";
import { proofOfWorkBits, proofSeedText } from "./proof-of-work";

// The server's check of the sign form's proof of work (proof-of-work.ts), with Node's own SHA-256:
// two hashes of under 100 bytes, a few microseconds. Anything that is not a 32-bit decimal
// number is no proof.
export function isValidProof(options: { campaignSlug: string; email: string; nonce: unknown; bits?: number }): boolean {
  if (typeof options.nonce !== "string" || !/^\d{1,10}$/.test(options.nonce)) return false;
  const nonce = Number(options.nonce);
  if (nonce > 0xffffffff) return false;
  const block = Buffer.alloc(36);
  createHash("sha256").update(proofSeedText(options.campaignSlug, options.email)).digest().copy(block);
  block.writeUInt32BE(nonce, 32);
  const digest = createHash("sha256").update(block).digest();
  return Math.clz32(digest.readUInt32BE(0)) >= (options.bits ?? proofOfWorkBits);
}
