import { describe, expect, it } from "vitest";
import { describeFilters, parseExportQuery } from "../../../lib/exports/schema";

describe("parseExportQuery", () => {
  it("reads an empty form as no filters", () => {
    expect(parseExportQuery(new URLSearchParams("from=&to=&country="))).toEqual({
      success: true,
      filters: { from: undefined, to: undefined, country: undefined, consentedOnly: false },
    });
  });

  it("bounds whole UTC days, both inclusive, and reads the consent box", () => {
    const result = parseExportQuery(new URLSearchParams("from=2025-03-01&to=2025-03-31&country=sy&consented=on"));
    expect(result).toEqual({
      success: true,
      filters: {
        from: new Date("2025-03-01T00:00:00.000Z"),
        to: new Date("2025-03-31T23:59:59.999Z"),
        country: "SY",
        consentedOnly: true,
      },
    });
  });

  it("reports each bad field with a translatable key", () => {
    expect(parseExportQuery(new URLSearchParams("from=2025-02-30&country=XX&consented=maybe"))).toEqual({
      success: false,
      fields: { from: "dateInvalid", country: "countryInvalid", consented: "consentedInvalid" },
    });
    expect(parseExportQuery({ from: "yesterday" })).toEqual({ success: false, fields: { from: "dateInvalid" } });
    // A month 13 is a bad date, not a range ending before it starts.
    expect(parseExportQuery({ from: "2025-13-01", to: "2025-01-01" })).toEqual({ success: false, fields: { from: "dateInvalid" } });
  });

  it("refuses an end date before the start date", () => {
    expect(parseExportQuery(new URLSearchParams("from=2025-03-02&to=2025-03-01"))).toEqual({ success: false, fields: { to: "rangeInvalid" } });
  });

  it("describes filters as plain JSON for the audit log", () => {
    const parsed = parseExportQuery(new URLSearchParams("from=2025-03-01&country=LB"));
    if (!parsed.success) throw new Error("expected valid filters");
    expect(describeFilters(parsed.filters)).toEqual({ from: "2025-03-01T00:00:00.000Z", country: "LB", consentedOnly: false });
  });
});
