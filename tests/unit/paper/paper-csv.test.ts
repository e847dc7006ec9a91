import { describe, expect, it } from "vitest";
import { normaliseName, paperCsvLimits, parsePaperCsv } from "../../../lib/paper/paper-csv";

describe("parsePaperCsv", () => {
  it("reads each signer with the line it is on, the country as a code or a name in either language", () => {
    const sheet = parsePaperCsv("name,country,postcode,email\nLayla Haddad,sy,,\nOmar Khalil,turkiye,34000,Omar.K+vigil@Example.org\n\nسارة العلي,سوريا,,\n");
    expect(sheet.fileError).toBeUndefined();
    expect(sheet.refused).toEqual([]);
    expect(sheet.rows).toEqual([
      { line: 2, name: "Layla Haddad", country: "SY", postcode: null, email: null },
      { line: 3, name: "Omar Khalil", country: "TR", postcode: "34000", email: "omar.k@example.org" },
      { line: 5, name: "سارة العلي", country: "SY", postcode: null, email: null },
    ]);
  });

  it("accepts Arabic headers, a byte-order mark and columns in any order", () => {
    const sheet = parsePaperCsv("\uFEFFالبلد,الاسم\nSY,Rami\n");
    expect(sheet.rows).toEqual([{ line: 2, name: "Rami", country: "SY", postcode: null, email: null }]);
  });

  it("refuses each bad row with its line and reason, and keeps the good ones", () => {
    const sheet = parsePaperCsv(
      ["name,country,postcode,email", ",SY,,", `${"x".repeat(101)},SY,,`, "Ali,Atlantis,,", "Ali,SY,12345678901234567,", "Ali,SY,,not-an-address", "Ali\u0007,SY,,", "Ali,SY", "Huda,SY,,"].join("\n"),
    );
    expect(sheet.refused).toEqual([
      { line: 2, reason: "nameRequired" },
      { line: 3, reason: "nameTooLong" },
      { line: 4, reason: "countryUnknown" },
      { line: 5, reason: "postcodeTooLong" },
      { line: 6, reason: "emailInvalid" },
      { line: 7, reason: "controlCharacters" },
      { line: 8, reason: "wrongColumnCount" },
    ]);
    expect(sheet.rows.map((row) => row.line)).toEqual([9]);
  });

  it("refuses a control character in any cell, including one inside quotes", () => {
    expect(parsePaperCsv('name,country,postcode\nAli,SY,"12\u0000"\n').refused).toEqual([{ line: 2, reason: "controlCharacters" }]);
    expect(parsePaperCsv('name,country\n"Ali\nHassan",SY\n').refused).toEqual([{ line: 3, reason: "controlCharacters" }]);
  });

  it("refuses the whole file when it cannot be a sheet", () => {
    expect(parsePaperCsv("").fileError).toEqual({ error: "empty" });
    expect(parsePaperCsv("name,country\n").fileError).toEqual({ error: "empty" });
    expect(parsePaperCsv('name,country\n"Ali,SY\n').fileError).toEqual({ error: "unreadable" });
    expect(parsePaperCsv("name,phone\nAli,123\n").fileError).toEqual({ error: "unknownColumns", columns: ["phone"] });
    expect(parsePaperCsv("name,email\nAli,a@b.org\n").fileError).toEqual({ error: "missingColumns", columns: ["country"] });
    expect(parsePaperCsv(`name,country\n${"Ali,SY\n".repeat(paperCsvLimits.rows + 1)}`).fileError).toEqual({ error: "tooManyRows" });
    expect(parsePaperCsv(`name,country\n${"A".repeat(paperCsvLimits.bytes)},SY\n`).fileError).toEqual({ error: "tooLarge" });
  });
});

describe("normaliseName", () => {
  it("treats the ways two sheets write one name as the same name", () => {
    expect(normaliseName("  Layla   HADDAD ")).toBe(normaliseName("layla haddad"));
    expect(normaliseName("José")).toBe(normaliseName("Jose"));
    expect(normaliseName("أحمد")).toBe(normaliseName("احمد"));
    expect(normaliseName("مُحَمَّد")).toBe(normaliseName("محمد"));
    expect(normaliseName("مـحـمـد")).toBe(normaliseName("محمد"));
    expect(normaliseName("مصطفى")).toBe(normaliseName("مصطفي"));
    expect(normaliseName("Al-Hassan")).toBe(normaliseName("al hassan"));
    expect(normaliseName("Layla Haddad")).not.toBe(normaliseName("Laila Haddad"));
  });
});
