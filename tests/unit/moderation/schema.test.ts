import { describe, expect, it } from "vitest";
import { bulkFormSchema, moderationFieldErrors, parseSelector, searchFiltersSchema, selectionFormSchema } from "../../../lib/moderation/schema";

function errorsOf(result: { success: boolean; error?: unknown }) {
  return result.success ? null : moderationFieldErrors(result.error as never);
}

describe("bulkFormSchema", () => {
  it("turns the form into an action and one selector, tidying the value the way it is stored", () => {
    expect(bulkFormSchema.parse({ action: "invalidate", by: "emailDomain", value: " @Spam.EXAMPLE ", reason: "abuse" })).toEqual({
      action: "invalidate",
      selector: { emailDomain: "spam.example" },
      reason: "abuse",
    });
    // googlemail.com addresses are stored under gmail.com.
    expect(bulkFormSchema.parse({ action: "restore", by: "emailDomain", value: "googlemail.com" }).selector).toEqual({ emailDomain: "gmail.com" });
    expect(bulkFormSchema.parse({ action: "restore", by: "country", value: "sy" }).selector).toEqual({ country: "SY" });
    expect(bulkFormSchema.parse({ action: "restore", by: "ipHash", value: " abcdEFGH_-12 " }).selector).toEqual({ ipHash: "abcdEFGH_-12" });
  });

  it("reports each field's problem as a translation key", () => {
    expect(errorsOf(bulkFormSchema.safeParse({}))).toEqual({ action: "actionInvalid", by: "byRequired", value: "valueRequired" });
    expect(errorsOf(bulkFormSchema.safeParse({ action: "invalidate", by: "country", value: "Syria" }))).toEqual({ value: "countryInvalid", reason: "reasonRequired" });
    expect(errorsOf(bulkFormSchema.safeParse({ action: "restore", by: "ipHash", value: "short" }))).toEqual({ value: "ipHashInvalid" });
    expect(errorsOf(bulkFormSchema.safeParse({ action: "restore", by: "email", value: "nobody" }))).toEqual({ value: "emailInvalid" });
    expect(errorsOf(bulkFormSchema.safeParse({ action: "restore", by: "emailDomain", value: "localhost" }))).toEqual({ value: "emailDomainInvalid" });
    expect(errorsOf(bulkFormSchema.safeParse({ action: "delete", by: "ids", value: "x" }))).toEqual({ action: "actionInvalid", by: "byRequired" });
  });
});

describe("selectionFormSchema", () => {
  it("needs at least one ticked row, and a reason to invalidate but not to restore", () => {
    expect(errorsOf(selectionFormSchema.safeParse({ action: "invalidate", ids: [] }))).toEqual({ ids: "noneSelected", reason: "reasonRequired" });
    expect(selectionFormSchema.parse({ action: "restore", ids: ["a"] })).toEqual({ action: "restore", selector: { ids: ["a"] }, reason: undefined });
    expect(errorsOf(selectionFormSchema.safeParse({ action: "restore", ids: Array.from({ length: 501 }, (_, i) => `id${i}`) }))).toEqual({ ids: "tooManySelected" });
  });
});

describe("parseSelector", () => {
  it("accepts exactly one condition", () => {
    expect(parseSelector({ country: "tr" })).toEqual({ success: true, data: { country: "TR" } });
    expect(parseSelector({ country: "TR", ipHash: "abcdefgh" })).toEqual({ success: false, error: "selectorInvalid" });
    expect(parseSelector({})).toEqual({ success: false, error: "selectorInvalid" });
    expect(parseSelector("SY")).toEqual({ success: false, error: "selectorInvalid" });
    expect(parseSelector({ country: "XX" })).toEqual({ success: false, error: "countryInvalid" });
  });
});

describe("searchFiltersSchema", () => {
  it("treats empty fields as no filter and checks the date range", () => {
    expect(searchFiltersSchema.parse({ text: " ", email: "", country: "", state: "", from: "", to: "" })).toEqual({});
    expect(errorsOf(searchFiltersSchema.safeParse({ from: "2025-03-02", to: "2025-03-01" }))).toEqual({ to: "dateRange" });
    expect(errorsOf(searchFiltersSchema.safeParse({ from: "2025-02-29" }))).toEqual({ from: "dateInvalid" });
    expect(searchFiltersSchema.parse({ from: "2024-02-29", to: "2024-02-29" })).toEqual({ from: "2024-02-29", to: "2024-02-29" });
    expect(errorsOf(searchFiltersSchema.safeParse({ state: ["PENDING", "CONFIRMED"] }))).toEqual({ state: "stateInvalid" });
  });
});
