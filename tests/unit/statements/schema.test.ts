import { describe, expect, it } from "vitest";
import { englishByline, joinNames, statementAuthors } from "../../../lib/statements/authors";
import { formTexts } from "../../../lib/i18n/translations";
import { statementFieldErrors, statementInputSchema, statementValuesFromFormData } from "../../../lib/statements/schema";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("the statement editor's form", () => {
  it("reads author rows by their number, blank rows kept in place, and ignores rows past the limit", () => {
    const values = statementValuesFromFormData(
      form([
        ["url", "https://example.org/s"],
        ["language", "ar"],
        ["fullText", "نص"],
        ["title.ar", "بيان"],
        ["summary.tr", "Bildiri"],
        ["title.fa", "ignored"],
        ["authors.2.name", "Third"],
        ["authors.0.name", "First"],
        ["authors.0.nameAr", "الأولى"],
        ["authors.25.name", "Too far"],
        ["authors.1.role", "ignored"],
      ]),
    );
    expect(values).toEqual({
      url: "https://example.org/s",
      language: "ar",
      fullText: "نص",
      title: formTexts({ ar: "بيان" }),
      summary: formTexts({ tr: "Bildiri" }),
      authors: [
        { name: "First", nameAr: "الأولى" },
        { name: "", nameAr: "" },
        { name: "Third", nameAr: "" },
      ],
    });
  });

  it("accepts only http and https links, and names the row of an author with no name as the organiser sees it", () => {
    const base = { language: "en", title: formTexts({ en: "Statement" }), summary: formTexts(), fullText: "Text", authors: [{ name: "", nameAr: "" }, { name: "", nameAr: "المنظمة" }] };
    for (const url of ["javascript:alert(1)", "data:text/html,x", "mailto:a@example.org", "//example.org/x", "example.org"]) {
      const values = { ...base, url };
      const parsed = statementInputSchema.safeParse(values);
      expect(parsed.success, url).toBe(false);
      expect(statementFieldErrors(parsed.error!, values), url).toEqual({ url: "urlInvalid", "authors.1.name": "required" });
    }
    const parsed = statementInputSchema.parse({ ...base, url: "", fullText: "  A\r\n\r\nB\rC  ", authors: [{ name: " One ", nameAr: " " }] });
    expect(parsed.url).toBeNull();
    expect(parsed.fullText).toBe("A\n\nB\nC");
    expect(parsed.authors.map(({ row }) => row)).toEqual([{ name: "One", nameAr: null }]);
  });
});

describe("authors", () => {
  it("are joined as each language joins names", () => {
    expect(joinNames(["A"], "en")).toBe("A");
    expect(joinNames(["A", "B", "C"], "en")).toBe("A, B and C");
    expect(joinNames(["أ", "ب"], "ar")).toBe("أ وب");
    expect(englishByline([{ name: { en: "Citizens for a Secure and Safe America (C4SSA)", ar: "مواطنون من أجل أمريكا آمنة ومأمونة" } }, { name: { en: "Syrian Emergency Task Force (SETF)" } }])).toBe(
      "Citizens for a Secure and Safe America (C4SSA) and Syrian Emergency Task Force (SETF)",
    );
  });

  it("fall back to the byline for a statement stored without author rows", () => {
    expect(statementAuthors({ authorName: "Muhammad Najem", authors: [] })).toEqual([{ en: "Muhammad Najem" }]);
    expect(statementAuthors({ authorName: "x", authors: [{ name: { en: "A", ar: "أ" } }] })).toEqual([{ en: "A", ar: "أ" }]);
  });
});
