import { describe, expect, it } from "vitest";
import { demandRowsForForm, editorValuesFromCampaign, editorValuesFromFormData, newCampaignValues, type TextValues } from "../../../lib/campaigns/editor/form-values";
import { campaignInputSchema, editorLimits, errorKeys, fieldErrors, publishProblems, type FieldErrors } from "../../../lib/campaigns/editor/schema";
import { firstFreeSlug, slugFromTitle } from "../../../lib/campaigns/editor/slug";
import { AppError } from "../../../lib/errors";
import { parseCampaignInput } from "../../../lib/campaigns/editor/schema";
import { locales } from "../../../lib/i18n/locales";
import ar from "../../../lib/i18n/messages/ar/campaign-editor.json";
import en from "../../../lib/i18n/messages/en/campaign-editor.json";

const valid = {
  primaryLocale: "en",
  title: { en: "Ceasefire in Idlib now", ar: "وقف إطلاق النار في إدلب الآن" },
  summary: { en: "Stop the bombing of homes, schools and hospitals.", ar: "أوقفوا قصف البيوت والمدارس والمستشفيات." },
  body: { en: "## Why\n\nBecause **civilians** are dying.", ar: "" },
  goals: "1000, 10000, 100000",
  opensAt: "2026-03-01",
  closesAt: "2026-06-30",
  sourceStatementId: "",
  demands: [{ kind: "CEASEFIRE", text: { en: "An immediate ceasefire", ar: "وقف فوري لإطلاق النار" }, sourceQuote: "We call for an immediate ceasefire.", sourceStatementId: "" }],
  decisionMakerIds: [],
};

// The same campaign written only in Arabic.
const arabic = {
  ...valid,
  primaryLocale: "ar",
  title: { ar: "وقف إطلاق النار في إدلب الآن" },
  summary: { ar: "أوقفوا قصف البيوت والمدارس والمستشفيات." },
  body: { ar: "## لماذا\n\nلأن **المدنيين** يموتون." },
  demands: [{ kind: "CEASEFIRE", text: { ar: "وقف فوري لإطلاق النار" } }],
};

// What the form shows: the per-field error keys, or null when the input is accepted.
function errorsFor(input: Record<string, unknown>): FieldErrors | null {
  const result = campaignInputSchema.safeParse(input);
  return result.success ? null : fieldErrors(result.error);
}

const row = (overrides: Record<string, unknown> = {}) => ({ ...valid.demands[0], ...overrides });

// A text control of the form in every enabled language, blank unless given.
const texts = (written: Partial<TextValues> = {}): TextValues => ({ ...(Object.fromEntries(locales.map((locale) => [locale, ""])) as TextValues), ...written });

describe("campaignInputSchema", () => {
  it("accepts a complete bilingual campaign and tidies it", () => {
    const result = campaignInputSchema.parse({ ...valid, title: { ...valid.title, en: "  Ceasefire in Idlib now " }, decisionMakerIds: ["dm1", "dm2", "dm1"] });
    expect(result).toStrictEqual({
      primaryLocale: "en",
      title: { en: "Ceasefire in Idlib now", ar: "وقف إطلاق النار في إدلب الآن" },
      summary: valid.summary,
      body: { en: valid.body.en },
      goals: [1000, 10000, 100000],
      opensAt: new Date("2026-03-01T00:00:00Z"),
      closesAt: new Date("2026-06-30T00:00:00Z"),
      retentionMonths: 6,
      sourceStatementId: null,
      demands: [{ kind: "CEASEFIRE", text: { en: "An immediate ceasefire", ar: "وقف فوري لإطلاق النار" }, sourceQuote: "We call for an immediate ceasefire.", sourceStatementId: null, row: 0 }],
      decisionMakerIds: ["dm1", "dm2"],
    });
  });

  it("keeps Markdown bodies exactly as written, apart from surrounding space", () => {
    const body = "<script>alert(1)</script>\n\n[x](javascript:alert(1))";
    expect(campaignInputSchema.parse({ ...valid, body: { en: `  ${body}\n` } }).body.en).toBe(body);
  });

  describe("translations are optional", () => {
    it("accepts a campaign with no Arabic at all, storing no Arabic text", () => {
      const result = campaignInputSchema.parse({
        ...valid,
        title: { ...valid.title, ar: "" },
        summary: { ...valid.summary, ar: "   " },
        body: { ...valid.body, ar: undefined },
        demands: [row({ text: { en: "An immediate ceasefire", ar: "" } })],
      });
      expect(result.title).toStrictEqual({ en: valid.title.en });
      expect(result.summary).toStrictEqual({ en: valid.summary.en });
      expect(result.body).toStrictEqual({ en: valid.body.en });
      expect(result.demands[0]!.text).toStrictEqual({ en: "An immediate ceasefire" });
    });

    it("accepts a campaign written only in Arabic, with no English anywhere", () => {
      const result = campaignInputSchema.parse(arabic);
      expect(result).toMatchObject({ primaryLocale: "ar" });
      expect(result.title).toStrictEqual({ ar: arabic.title.ar });
      expect(result.summary).toStrictEqual({ ar: arabic.summary.ar });
      expect(result.demands.map((demand) => demand.text)).toStrictEqual([{ ar: "وقف فوري لإطلاق النار" }]);
    });

    it("takes any enabled language as the one the campaign is written in", () => {
      for (const locale of locales) {
        expect(errorsFor({ ...valid, primaryLocale: locale, title: { [locale]: "Title" }, demands: [row({ text: { [locale]: "Demand" } })] }), locale).toBeNull();
      }
      expect(errorsFor({ ...valid, primaryLocale: "xx" })).toEqual({ primaryLocale: "invalidValue" });
      expect(errorsFor({ ...valid, primaryLocale: undefined })).toEqual({ primaryLocale: "invalidValue" });
    });

    it("but the campaign's own language is not: its title is always required", () => {
      expect(errorsFor({ ...valid, title: { ...valid.title, en: "" } })).toEqual({ "title.en": "titleRequired" });
      expect(errorsFor({ ...valid, title: { ...valid.title, en: "   " } })).toEqual({ "title.en": "titleRequired" });
      expect(errorsFor({ ...valid, title: undefined })).toEqual({ "title.en": "titleRequired" });
      expect(errorsFor({ ...valid, title: { ar: "وقف إطلاق النار" } })).toEqual({ "title.en": "titleRequired" });
      // An English title does not stand in for the Arabic one of an Arabic campaign.
      expect(errorsFor({ ...arabic, title: { en: "Ceasefire in Idlib now" } })).toEqual({ "title.ar": "titleRequired" });
    });

    it("lets a draft leave the summary and body empty", () => {
      const result = campaignInputSchema.parse({ ...valid, summary: { en: "" }, body: undefined });
      expect(result.summary).toStrictEqual({});
      expect(result.body).toStrictEqual({});
    });

    it("refuses a language that is not enabled", () => {
      expect(errorsFor({ ...valid, title: { ...valid.title, xx: "Unknown" } })).toEqual({ title: "invalidValue" });
      expect(errorsFor({ ...valid, summary: { ...valid.summary, english: "Stop." } })).toEqual({ summary: "invalidValue" });
      expect(errorsFor({ ...valid, demands: [row({ text: { en: "Now", xx: "Unknown" } })] })).toMatchObject({ "demands.0.text": "invalidValue" });
    });
  });

  describe("lengths", () => {
    it.each([
      ["title", "en", editorLimits.title, "titleTooLong"],
      ["title", "ar", editorLimits.title, "titleTooLong"],
      ["title", "tr", editorLimits.title, "titleTooLong"],
      ["summary", "en", editorLimits.summary, "summaryTooLong"],
      ["summary", "ar", editorLimits.summary, "summaryTooLong"],
      ["summary", "ku", editorLimits.summary, "summaryTooLong"],
      ["body", "en", editorLimits.body, "bodyTooLong"],
      ["body", "ar", editorLimits.body, "bodyTooLong"],
      ["body", "de", editorLimits.body, "bodyTooLong"],
    ] as const)("limits %s.%s to %i characters", (field, locale, max, key) => {
      const letter = locale === "ar" ? "ن" : "a";
      expect(errorsFor({ ...valid, [field]: { ...valid[field], [locale]: letter.repeat(max) } })).toBeNull();
      expect(errorsFor({ ...valid, [field]: { ...valid[field], [locale]: letter.repeat(max + 1) } })).toEqual({ [`${field}.${locale}`]: key });
    });

    it("limits demand texts and quotes, per row", () => {
      expect(errorsFor({ ...valid, demands: [row({ text: { en: "a".repeat(editorLimits.demandText) } })] })).toBeNull();
      expect(errorsFor({ ...valid, demands: [row(), row({ text: { en: "a".repeat(editorLimits.demandText + 1) } })] })).toEqual({ "demands.1.text.en": "demandTextTooLong" });
      expect(errorsFor({ ...valid, demands: [row({ text: { en: "Now", ar: "ن".repeat(editorLimits.demandText + 1) } })] })).toEqual({ "demands.0.text.ar": "demandTextTooLong" });
      expect(errorsFor({ ...valid, demands: [row({ text: { en: "Now", tr: "a".repeat(editorLimits.demandText + 1) } })] })).toEqual({ "demands.0.text.tr": "demandTextTooLong" });
      expect(errorsFor({ ...valid, demands: [row({ sourceQuote: "q".repeat(editorLimits.sourceQuote + 1) })] })).toEqual({ "demands.0.sourceQuote": "sourceQuoteTooLong" });
    });
  });

  describe("goal ladder", () => {
    it("reads a comma-separated list of ascending whole numbers", () => {
      expect(campaignInputSchema.parse({ ...valid, goals: "500" }).goals).toEqual([500]);
      expect(campaignInputSchema.parse({ ...valid, goals: " 1000 ,10000,  100000 " }).goals).toEqual([1000, 10000, 100000]);
      expect(campaignInputSchema.parse({ ...valid, goals: "1000, 10000," }).goals).toEqual([1000, 10000]);
      expect(campaignInputSchema.parse({ ...valid, goals: [1000, 5000] }).goals).toEqual([1000, 5000]);
    });

    it("reads an Arabic comma and Arabic-Indic digits", () => {
      expect(campaignInputSchema.parse({ ...valid, goals: "١٠٠٠، ١٠٠٠٠، ۱۰۰۰۰۰" }).goals).toEqual([1000, 10000, 100000]);
    });

    it("requires at least one goal", () => {
      for (const goals of ["", "  ", ",", [], undefined]) expect(errorsFor({ ...valid, goals }), JSON.stringify(goals)).toEqual({ goals: "goalsRequired" });
    });

    it("refuses goals that are not positive whole numbers", () => {
      for (const goals of ["0", "1000, 0", "-5", "1.5", "ten", "1000, lots", "1e3", [1000, 2.5], [-1], "99999999999"]) {
        expect(errorsFor({ ...valid, goals }), JSON.stringify(goals)).toEqual({ goals: "goalsInvalid" });
      }
    });

    it("refuses a ladder that does not climb", () => {
      for (const goals of ["10000, 1000", "1000, 1000", "1000, 5000, 2000", [5, 5]]) {
        expect(errorsFor({ ...valid, goals }), JSON.stringify(goals)).toEqual({ goals: "goalsNotAscending" });
      }
    });

    it("refuses more rungs than a progress bar can use", () => {
      const ladder = Array.from({ length: editorLimits.goals }, (_, index) => (index + 1) * 100);
      expect(errorsFor({ ...valid, goals: ladder.join(",") })).toBeNull();
      expect(errorsFor({ ...valid, goals: [...ladder, 100_000].join(",") })).toEqual({ goals: "goalsTooMany" });
    });
  });

  describe("dates", () => {
    it("treats empty dates as none", () => {
      expect(campaignInputSchema.parse({ ...valid, opensAt: "", closesAt: undefined })).toMatchObject({ opensAt: null, closesAt: null });
    });

    it("requires the closing date to come after the opening date", () => {
      expect(errorsFor({ ...valid, opensAt: "2026-03-01", closesAt: "2026-02-28" })).toEqual({ closesAt: "closesBeforeOpens" });
      expect(errorsFor({ ...valid, opensAt: "2026-03-01", closesAt: "2026-03-01" })).toEqual({ closesAt: "closesBeforeOpens" });
      expect(errorsFor({ ...valid, opensAt: "2026-03-01", closesAt: "2026-03-02" })).toBeNull();
      // Either date alone is fine.
      expect(errorsFor({ ...valid, opensAt: "", closesAt: "2020-01-01" })).toBeNull();
      expect(errorsFor({ ...valid, opensAt: "2030-01-01", closesAt: "" })).toBeNull();
    });

    it("reports a bad closing date alongside other errors", () => {
      expect(errorsFor({ ...valid, title: { en: "" }, closesAt: "2026-01-01" })).toEqual({ "title.en": "titleRequired", closesAt: "closesBeforeOpens" });
      expect(errorsFor({ ...valid, goals: "3, 2", demands: [row({ kind: "" })], closesAt: "2026-01-01" })).toEqual({
        goals: "goalsNotAscending",
        "demands.0.kind": "demandKindRequired",
        closesAt: "closesBeforeOpens",
      });
      // A date that is not a date is reported as such, not compared.
      expect(errorsFor({ ...valid, opensAt: "2026-13-01", closesAt: "2026-01-01" })).toEqual({ opensAt: "dateInvalid" });
    });

    it("refuses values that are not calendar days", () => {
      for (const date of ["2026-02-30", "01/03/2026", "2026-3-1", "tomorrow", "1999-12-31", "2026-03-01T10:00"]) {
        expect(errorsFor({ ...valid, opensAt: date, closesAt: "" }), date).toEqual({ opensAt: "dateInvalid" });
      }
    });
  });

  describe("demand rows", () => {
    it("ignores empty rows and keeps the order of the rest", () => {
      const blank = { kind: "", text: { en: "", ar: "" }, sourceQuote: "", sourceStatementId: "" };
      const result = campaignInputSchema.parse({
        ...valid,
        demands: [blank, row({ text: { en: "First" } }), { ...blank, text: { en: "   ", tr: " " } }, row({ kind: "ICC_REFERRAL", text: { en: "Second" } }), blank, {}],
      });
      expect(result.demands.map((demand) => [demand.row, demand.kind, demand.text.en])).toEqual([
        [1, "CEASEFIRE", "First"],
        [3, "ICC_REFERRAL", "Second"],
      ]);
    });

    it("allows a draft with no demands", () => {
      expect(campaignInputSchema.parse({ ...valid, demands: [] }).demands).toEqual([]);
      expect(campaignInputSchema.parse({ ...valid, demands: undefined }).demands).toEqual([]);
    });

    it("names the row and field of each problem, counting empty rows", () => {
      expect(
        errorsFor({
          ...valid,
          demands: [row(), {}, row({ kind: "" }), row({ text: { en: "", ar: "نص بالعربية فقط" } }), row({ kind: "NOT_A_KIND" })],
        }),
      ).toEqual({ "demands.2.kind": "demandKindRequired", "demands.3.text.en": "demandTextRequired", "demands.4.kind": "demandKindRequired" });
    });

    it("requires each demand in the campaign's own language, not in English", () => {
      expect(errorsFor({ ...arabic, demands: [arabic.demands[0], { kind: "ACCOUNTABILITY", text: { en: "Accountability" } }] })).toEqual({
        "demands.1.text.ar": "demandTextRequired",
      });
    });

    it("needs only the kind and the text in the campaign's language; the rest is optional", () => {
      const result = campaignInputSchema.parse({ ...valid, demands: [{ kind: "SAFE_RETURN", text: { en: "Safe return" } }] });
      expect(result.demands).toStrictEqual([{ kind: "SAFE_RETURN", text: { en: "Safe return" }, sourceQuote: null, sourceStatementId: null, row: 0 }]);
    });

    it("caps the number of demands", () => {
      const many = Array.from({ length: editorLimits.demands }, (_, index) => row({ text: { en: `Demand ${index}` } }));
      expect(errorsFor({ ...valid, demands: many })).toBeNull();
      expect(errorsFor({ ...valid, demands: [...many, row()] })).toEqual({ demands: "demandsTooMany" });
    });
  });

  it("turns values of the wrong type into the generic key", () => {
    expect(errorsFor({ ...valid, demands: "ceasefire", decisionMakerIds: "dm1" })).toEqual({ demands: "invalidValue", decisionMakerIds: "invalidValue" });
    expect(errorsFor({ ...valid, title: { ...valid.title, ar: 42 } })).toEqual({ "title.ar": "invalidValue" });
    expect(errorsFor({ ...valid, summary: "Stop the bombing." })).toEqual({ summary: "invalidValue" });
    expect(fieldErrors(campaignInputSchema.safeParse(null).error!)).toEqual({ form: "invalidValue" });
  });

  it("throws one VALIDATION error with every field's key from parseCampaignInput", () => {
    let error: unknown;
    try {
      parseCampaignInput({ ...valid, title: { en: "" }, goals: "3, 2" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", fields: { "title.en": "titleRequired", goals: "goalsNotAscending" } });
  });
});

describe("publishProblems", () => {
  const ready = { primaryLocale: "en", title: { en: "Ceasefire" }, summary: { en: "Stop the bombing." }, demandCount: 1, closesAt: null } as const;

  it("accepts a campaign with a title and summary in its language and a demand", () => {
    expect(publishProblems(ready)).toEqual({});
    expect(publishProblems({ ...ready, primaryLocale: "ar", title: { ar: "وقف إطلاق النار" }, summary: { ar: "أوقفوا القصف." } })).toEqual({});
  });

  it("names everything still missing", () => {
    expect(publishProblems({ primaryLocale: "en", title: { en: " " }, summary: {}, demandCount: 0 })).toEqual({
      "title.en": "titleRequired",
      "summary.en": "summaryRequiredToPublish",
      demands: "demandsRequiredToPublish",
    });
  });

  it("asks for the campaign's own language, never for a translation", () => {
    // English stands in for nothing on an Arabic campaign…
    expect(publishProblems({ ...ready, primaryLocale: "ar", title: { en: "Ceasefire" }, summary: { en: "Stop the bombing." } })).toEqual({
      "title.ar": "titleRequired",
      "summary.ar": "summaryRequiredToPublish",
    });
    // …and an Arabic summary is enough without an English one.
    expect(publishProblems({ ...ready, primaryLocale: "ar", title: { ar: "وقف إطلاق النار" }, summary: { ar: "أوقفوا القصف.", en: "" } })).toEqual({});
  });

  it("refuses a closing date that has passed, only when one is given", () => {
    const now = new Date("2026-05-01T12:00:00Z");
    expect(publishProblems({ ...ready, closesAt: new Date("2026-05-01T00:00:00Z") }, now)).toEqual({ closesAt: "closesAtPassed" });
    expect(publishProblems({ ...ready, closesAt: new Date("2026-05-02T00:00:00Z") }, now)).toEqual({});
  });
});

describe("editor form values", () => {
  function form(entries: [string, string][]): FormData {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return data;
  }

  it("reads demand rows by number, keeping blank and removed rows in place", () => {
    const values = editorValuesFromFormData(
      form([
        ["primaryLocale", "en"],
        ["title.en", "Ceasefire"],
        ["goals", "1000"],
        ["demands.0.kind", "CEASEFIRE"],
        ["demands.0.text.en", "First"],
        ["demands.0.remove", "on"],
        ["demands.1.kind", "ICC_REFERRAL"],
        ["demands.1.text.en", "Second"],
        ["demands.1.text.ar", "الثاني"],
        ["demands.3.kind", ""],
        ["demands.3.unknown", "ignored"],
        ["demandsX.9.kind", "CEASEFIRE"],
        ["decisionMakerIds", "dm1"],
        ["decisionMakerIds", "dm2"],
      ]),
    );
    expect(values.title.en).toBe("Ceasefire");
    expect(values.title.ar).toBe("");
    expect(values.decisionMakerIds).toEqual(["dm1", "dm2"]);
    const blank = { kind: "", text: texts(), sourceQuote: "", sourceStatementId: "", remove: false };
    expect(values.demands).toEqual([
      // Removed rows keep what was written, so it is still there if the form comes back with an error.
      { ...blank, kind: "CEASEFIRE", text: texts({ en: "First" }), remove: true },
      { ...blank, kind: "ICC_REFERRAL", text: texts({ en: "Second", ar: "الثاني" }) },
      blank,
      blank,
    ]);
    // Only the row neither empty nor removed is saved, under its own row number.
    expect(campaignInputSchema.parse(values).demands.map((demand) => [demand.row, demand.text.en])).toEqual([[1, "Second"]]);
  });

  it("reads each text in every enabled language and ignores languages that are not", () => {
    const values = editorValuesFromFormData(
      form([
        ["primaryLocale", "ar"],
        ["title.ar", "أوقفوا الهجمات على إدلب"],
        ["title.tr", "İdlib'e yönelik saldırıları durdurun"],
        ["title.xx", "Unknown"],
        ["title", "No language"],
        ["goals", "100"],
        ["demands.0.kind", "CEASEFIRE"],
        ["demands.0.text.ar", "وقف فوري لإطلاق النار"],
        ["demands.0.text.xx", "Unknown"],
        ["demands.0.text", "No language"],
        // A row holding nothing but an unknown language is no row at all.
        ["demands.1.text.xx", "Unknown"],
      ]),
    );
    expect(values.primaryLocale).toBe("ar");
    expect(values.title).toStrictEqual(texts({ ar: "أوقفوا الهجمات على إدلب", tr: "İdlib'e yönelik saldırıları durdurun" }));
    expect(values.summary).toStrictEqual(texts());
    expect(values.demands).toStrictEqual([{ kind: "CEASEFIRE", text: texts({ ar: "وقف فوري لإطلاق النار" }), sourceQuote: "", sourceStatementId: "", remove: false }]);

    const input = campaignInputSchema.parse(values);
    expect(input).toMatchObject({ primaryLocale: "ar", goals: [100] });
    expect(input.title).toStrictEqual({ ar: "أوقفوا الهجمات على إدلب", tr: "İdlib'e yönelik saldırıları durdurun" });
    expect(input.demands.map((demand) => demand.text)).toStrictEqual([{ ar: "وقف فوري لإطلاق النار" }]);
  });

  it("does not validate a removed row", () => {
    const removedInvalid = { kind: "", text: { en: "", ar: "ن".repeat(editorLimits.demandText + 1) }, sourceQuote: "", sourceStatementId: "", remove: true };
    expect(errorsFor({ ...valid, demands: [removedInvalid, row()] })).toBeNull();
    expect(errorsFor({ ...valid, demands: [{ ...removedInvalid, remove: false }, row()] })).toEqual({
      "demands.0.kind": "demandKindRequired",
      "demands.0.text.en": "demandTextRequired",
      "demands.0.text.ar": "demandTextTooLong",
    });
  });

  it("does not read rows past the limit, so a crafted row number cannot allocate a huge list", () => {
    const values = editorValuesFromFormData(form([["demands.999.text.en", "x"], [`demands.${editorLimits.demandRows}.text.en`, "y"], ["demands.99999999.text.en", "z"]]));
    expect(values.demands).toEqual([]);
  });

  it("shows every row so far plus two empty ones to add demands without JavaScript", () => {
    const filled = { kind: "CEASEFIRE", text: texts({ en: "First" }), sourceQuote: "", sourceStatementId: "", remove: false };
    const blank = { kind: "", text: texts(), sourceQuote: "", sourceStatementId: "", remove: false };
    const removed = { ...filled, remove: true };
    expect(demandRowsForForm([])).toEqual([blank, blank]);
    expect(demandRowsForForm([filled])).toEqual([filled, blank, blank]);
    expect(demandRowsForForm([filled, blank, filled, blank])).toEqual([filled, blank, filled, blank, blank]);
    expect(demandRowsForForm([filled, blank, blank])).toEqual([filled, blank, blank]);
    // A removed row is not a spare one: it still holds its text.
    expect(demandRowsForForm([filled, removed])).toEqual([filled, removed, blank, blank]);
  });

  it("round-trips a stored campaign through the form", () => {
    const values = editorValuesFromCampaign({
      primaryLocale: "en",
      title: { en: "Ceasefire" },
      summary: { en: "Stop.", ar: "أوقفوا." },
      body: {},
      goals: [1000, 10000],
      opensAt: new Date("2026-03-01T00:00:00Z"),
      closesAt: new Date("2026-06-30T18:30:00Z"),
      retentionMonths: 12,
      sourceStatementId: "st1",
      demands: [{ kind: "CEASEFIRE", text: { en: "Now" }, sourceQuote: null, sourceStatementId: "st1" }],
      decisionMakerIds: ["dm1"],
    });
    expect(values).toMatchObject({ primaryLocale: "en", title: texts({ en: "Ceasefire" }), goals: "1000, 10000", opensAt: "2026-03-01", closesAt: "2026-06-30", retentionMonths: "12" });
    const parsed = campaignInputSchema.parse(values);
    expect(parsed).toMatchObject({ goals: [1000, 10000], retentionMonths: 12, sourceStatementId: "st1", decisionMakerIds: ["dm1"], demands: [{ kind: "CEASEFIRE", text: { en: "Now" } }] });
    expect(parsed.title).toStrictEqual({ en: "Ceasefire" });
    expect(parsed.summary).toStrictEqual({ en: "Stop.", ar: "أوقفوا." });
  });

  it("keeps signers' personal data 6 months after closing unless the organiser picks 1 to 120", () => {
    const parse = (retentionMonths: unknown) => campaignInputSchema.safeParse({ ...newCampaignValues("en"), title: { en: "New" }, retentionMonths });
    expect(parse("").data?.retentionMonths).toBe(6);
    expect(parse(undefined).data?.retentionMonths).toBe(6);
    expect(parse("24").data?.retentionMonths).toBe(24);
    expect(parse("١٢").data?.retentionMonths).toBe(12);
    for (const bad of ["0", "121", "6.5", "-1", "six"]) {
      const result = parse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error && fieldErrors(result.error).retentionMonths, bad).toBe("invalidValue");
    }
  });

  it("starts a new campaign with a goal ladder that validates", () => {
    expect(campaignInputSchema.parse({ ...newCampaignValues("en"), title: { en: "New" } }).goals).toEqual([1000, 10000, 100000]);
  });

  it("starts a new campaign in the organiser's language", () => {
    const values = newCampaignValues("ar");
    expect(values.primaryLocale).toBe("ar");
    expect(values.title).toStrictEqual(texts());
    expect(errorsFor({ ...values, title: { ...values.title, ar: "حملة جديدة" } })).toBeNull();
    expect(errorsFor({ ...values, title: { ...values.title, en: "New" } })).toEqual({ "title.ar": "titleRequired" });
  });
});

describe("slugs", () => {
  it.each([
    ["Ceasefire in Idlib now", "ceasefire-in-idlib-now"],
    ["Ceasefire in Idlib — NOW!", "ceasefire-in-idlib-now"],
    ["Protect Ma’arrat al-Nu’man’s hospitals", "protect-maarrat-al-numans-hospitals"],
    ["Café, école: déjà vu", "cafe-ecole-deja-vu"],
    ["Refer Syria to the ICC (2026)", "refer-syria-to-the-icc-2026"],
    // Every script is spelt in Latin letters, so a title in any language gives a readable address.
    ["أوقفوا الهجمات على إدلب", "awqfwa-alhjmat-ela-adlb"],
    ["وقف إطلاق النار", "wqf-atlaq-alnar"],
    ["Idlib وقف", "idlib-wqf"],
    ["Ağrı'da ateşkes şimdi", "agrida-ateskes-simdi"],
    ["Kışın ılık değil", "kisin-ilik-degil"],
    ["Waffenruhe für Idlib", "waffenruhe-fuer-idlib"],
    ["Gerechtigkeit für Überlebende", "gerechtigkeit-fuer-ueberlebende"],
    ["Agirbestê li Îdlibê niha", "agirbeste-li-idlibe-niha"],
    ["Dadwerî ji bo Êzîdiyan", "dadweri-ji-bo-ezidiyan"],
    ["   ", "campaign"],
    ["— … !?", "campaign"],
    ["🕊️ ✊", "campaign"],
  ])("makes %j into %j", (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it("keeps slugs short, cutting between words", () => {
    const slug = slugFromTitle("Stop the attacks on hospitals schools markets and homes across northwest Syria and western Aleppo today");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("stop-the-attacks-on-hospitals-schools-markets-and-homes");
    expect(slugFromTitle("a".repeat(80))).toBe("a".repeat(60));
  });

  it("takes the next free number when the slug is taken", () => {
    expect(firstFreeSlug("ceasefire", [])).toBe("ceasefire");
    expect(firstFreeSlug("ceasefire", ["ceasefire", "ceasefire-now"])).toBe("ceasefire-2");
    expect(firstFreeSlug("ceasefire", ["ceasefire", "ceasefire-2", "ceasefire-3"])).toBe("ceasefire-4");
  });
});

describe("editor translations", () => {
  it("has a message for every error key in English and Arabic", () => {
    for (const key of errorKeys) {
      expect(en.CampaignEditor.errors, `en ${key}`).toHaveProperty(key);
      expect(ar.CampaignEditor.errors, `ar ${key}`).toHaveProperty(key);
    }
  });
});
