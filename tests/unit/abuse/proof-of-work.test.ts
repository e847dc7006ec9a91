import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { proofOfWorkBits, proofSeed, proofSeedText, searchNonces, sha256Words, solveProof } from "../../../lib/abuse/proof-of-work";
import { isValidProof } from "../../../lib/abuse/verify-proof";

const hex = (words: Int32Array) => Array.from(words, (word) => (word >>> 0).toString(16).padStart(8, "0")).join("");

describe("the sign form's proof of work", () => {
  it("hashes exactly as SHA-256 does, at every length around the block boundaries", () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = randomBytes(length);
      expect(hex(sha256Words(bytes)), `${length} bytes`).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(hex(proofSeed("a-campaign", " Layla@Example.org "))).toBe(createHash("sha256").update("nida-proof:1:a-campaign:layla@example.org").digest("hex"));
    expect(proofSeedText("a-campaign", " Layla@Example.org ")).toBe("nida-proof:1:a-campaign:layla@example.org");
  });

  it("finds a nonce the server accepts, for that campaign and address only", async () => {
    const email = `layla.${randomBytes(4).toString("hex")}@example.org`;
    const nonce = await solveProof({ campaignSlug: "a-campaign", email });
    expect(nonce).toMatch(/^\d+$/);
    expect(isValidProof({ campaignSlug: "a-campaign", email, nonce })).toBe(true);
    // The server reads the address as the form sent it: case and spaces do not matter.
    expect(isValidProof({ campaignSlug: "a-campaign", email: ` ${email.toUpperCase()}`, nonce })).toBe(true);
    expect(isValidProof({ campaignSlug: "another-campaign", email, nonce })).toBe(false);
    expect(isValidProof({ campaignSlug: "a-campaign", email: `x${email}`, nonce })).toBe(false);
  });

  it("accepts nothing but a 32-bit decimal number that meets the difficulty", () => {
    const email = "someone@example.org";
    const seed = proofSeed("c", email);
    // A nonce that meets a lower difficulty but not the real one.
    let weak = 0;
    for (;;) {
      weak = searchNonces(seed, weak, 2 ** 32, 8)!;
      if (!isValidProof({ campaignSlug: "c", email, nonce: String(weak) })) break;
      weak++;
    }
    expect(isValidProof({ campaignSlug: "c", email, nonce: String(weak), bits: 8 })).toBe(true);
    expect(isValidProof({ campaignSlug: "c", email, nonce: String(weak) })).toBe(false);
    for (const junk of [undefined, null, 42, "", "-1", "1.5", "0x10", "4294967296", "99999999999", " 1", ["1"]]) {
      expect(isValidProof({ campaignSlug: "c", email, nonce: junk }), String(junk)).toBe(false);
    }
    expect(proofOfWorkBits).toBe(18);
  });

  it("stops when asked to", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await solveProof({ campaignSlug: "c", email: "someone@example.org", signal: controller.signal })).toBeNull();
  });
});
