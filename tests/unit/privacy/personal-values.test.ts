import { describe, expect, it } from "vitest";
import { addPersonalValues, emptyPersonalValues, likePatterns, scrubJson } from "../../../lib/privacy/personal-values";
import { firstName } from "../../../lib/privacy/public-signers";
import { listUnsubscribeHeaders } from "../../../lib/privacy/supporter-links";

function valuesOf(signer: Parameters<typeof addPersonalValues>[1]) {
  const values = emptyPersonalValues();
  addPersonalValues(values, signer);
  return values;
}

describe("scrubbing a signer out of JSON", () => {
  const values = valuesOf({ email: "Layla@Example.org", name: "Layla", postcode: "10115", comment: "Open the crossings now", ipHash: "abcdEFGH1234" });

  it("removes the e-mail and comment wherever they appear, and the name and postcode as whole values", () => {
    const payload = {
      total: 10115,
      to: "layla@example.org",
      line: "Reply to Layla@Example.org please",
      comments: [{ name: "Layla", country: "SY", comment: "Open the crossings now" }, { name: "Laylani", comment: "Other words" }],
      postcode: "10115",
      hash: "ip abcdEFGH1234",
    };
    expect(scrubJson(payload, values)).toEqual({
      total: 10115,
      to: "",
      line: "Reply to  please",
      comments: [{ name: "", country: "SY", comment: "" }, { name: "Laylani", comment: "Other words" }],
      postcode: "",
      hash: "ip ",
    });
  });

  it("returns the same object when there is nothing to remove, so nothing is rewritten", () => {
    const payload = { a: ["x", { b: "y" }], n: 1, nothing: null };
    expect(scrubJson(payload, values)).toBe(payload);
  });

  it("escapes LIKE wildcards in the search patterns", () => {
    expect(likePatterns(valuesOf({ comment: "100% for_all" }))).toEqual(["%100\\% for\\_all%"]);
  });
});

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
