import { describe, expect, it } from "vitest";
import { readShortCode, shortCodeAlphabet } from "../../../lib/paper-materials/short-code";

describe("short codes", () => {
  it("use thirty letters and digits, none of them one a reader confuses with another", () => {
    expect(new Set(shortCodeAlphabet).size).toBe(30);
    for (const confusable of ["0", "o", "1", "i", "l", "u"]) expect(shortCodeAlphabet).not.toContain(confusable);
    expect(shortCodeAlphabet).toMatch(/^[a-z2-9]+$/);
  });

  it("read seven of them, forgiving capitals and spaces, and nothing else", () => {
    expect(readShortCode("k7m2p9x")).toBe("k7m2p9x");
    expect(readShortCode(" K7M2P9X ")).toBe("k7m2p9x");
    for (const refused of ["k7m2p9", "k7m2p9xa", "k7m2p9o", "k7m-p9x", "", "../k7m2"]) expect(readShortCode(refused)).toBeNull();
  });
});
