import { describe, expect, it } from "vitest";
import { firstName } from "../../../lib/privacy/public-signers";
import { listUnsubscribeHeaders } from "../../../lib/privacy/supporter-links";

describe("supporter links", () => {
  it("announce one-click unsubscribe per RFC 8058", () => {
    const links = { unsubscribeUrl: "https://n.example/en/unsubscribe/t", oneClickUnsubscribeUrl: "https://n.example/api/unsubscribe/t", eraseUrl: "https://n.example/en/erase/u" };
    expect(listUnsubscribeHeaders(links)).toEqual({ "List-Unsubscribe": "<https://n.example/api/unsubscribe/t>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(listUnsubscribeHeaders(undefined)).toBeUndefined();
  });

  it("a public signer is shown by first name only", () => {
    expect(firstName("  Layla   Haddad ")).toBe("Layla");
    expect(firstName("محمد عبد الله")).toBe("محمد");
  });
});
