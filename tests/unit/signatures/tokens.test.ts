import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken, looksLikeToken, newConfirmationToken } from "../../../lib/signatures/tokens";

describe("confirmation tokens", () => {
  it("are 256 random bits written as 43 base64url characters", () => {
    const { token } = newConfirmationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("never repeat", () => {
    const tokens = Array.from({ length: 1_000 }, () => newConfirmationToken().token);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("use the whole alphabet rather than a fixed pattern", () => {
    // 200 tokens × 43 characters: every one of the 64 symbols shows up unless the source is broken.
    const symbols = new Set(Array.from({ length: 200 }, () => newConfirmationToken().token).join(""));
    expect(symbols.size).toBe(64);
  });

  it("are stored only as their SHA-256, in hex, which is not the token", () => {
    const { token, tokenHash } = newConfirmationToken();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).not.toContain(token);
    expect(hashToken(token)).toBe(tokenHash);
    expect(hashToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).not.toBe(tokenHash);
  });

  it("looksLikeToken accepts a real token and refuses anything else before the database is asked", () => {
    expect(looksLikeToken(newConfirmationToken().token)).toBe(true);
    const token = "A".repeat(43);
    expect(looksLikeToken(token)).toBe(true);
    expect(looksLikeToken("")).toBe(false);
    expect(looksLikeToken("A".repeat(42))).toBe(false);
    expect(looksLikeToken("A".repeat(44))).toBe(false);
    expect(looksLikeToken(`${"A".repeat(42)}=`)).toBe(false);
    expect(looksLikeToken(`${"A".repeat(42)}+`)).toBe(false);
    expect(looksLikeToken(`${"A".repeat(42)}/`)).toBe(false);
    expect(looksLikeToken(` ${"A".repeat(42)}`)).toBe(false);
    expect(looksLikeToken(`${"A".repeat(43)}\n`)).toBe(false);
    expect(looksLikeToken(hashToken(token))).toBe(false);
  });
});
