import fc from "fast-check";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { errorKeys, fieldErrors } from "../../../lib/signatures/schema";
import { signInputSchema } from "../../../lib/signatures/sign-input";
import { signPayload } from "../../fixtures/sign-payloads";

// What a page does with a signer's values: echoes them into the form and shows them as text.
function renderEchoed(values: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value) ?? "");
  return renderToString(
    createElement(
      "form",
      null,
      ...Object.entries(values).map(([key, value]) =>
        createElement("div", { key }, createElement("input", { name: key, defaultValue: text(value) }), createElement("p", null, text(value)), createElement("textarea", { defaultValue: text(value) })),
      ),
    ),
  );
}

describe("the signing input, fuzzed", () => {
  it("never crashes on 10,000 hostile payloads: each is valid, or refused with a known key per field", () => {
    let valid = 0;
    fc.assert(
      fc.property(signPayload, (payload) => {
        const parsed = signInputSchema.safeParse(payload);
        if (parsed.success) {
          valid++;
          // Lengths are in characters (code points), as the schema counts them.
          expect([...parsed.data.name].length).toBeLessThanOrEqual(100);
          expect([...(parsed.data.comment ?? "")].length).toBeLessThanOrEqual(500);
          return;
        }
        const errors = fieldErrors(parsed.error);
        expect(Object.keys(errors).length).toBeGreaterThan(0);
        for (const key of Object.values(errors)) expect(errorKeys).toContain(key);
      }),
      { numRuns: 10_000 },
    );
    // The generator reaches the valid side too, not only refusals.
    expect(valid).toBeGreaterThan(200);
  }, 120_000);

  it("renders every value, valid or not, as inert text: no element a payload brought with it", () => {
    fc.assert(
      fc.property(signPayload, (payload) => {
        const html = renderEchoed(payload);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<img/i);
        expect(html).not.toMatch(/<svg/i);
        expect(html).not.toMatch(/<\/textarea><script/i);
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
