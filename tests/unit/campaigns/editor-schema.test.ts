import { describe, expect, it } from "vitest";
import { demandRowsForForm, editorValuesFromCampaign, editorValuesFromFormData, newCampaignValues } from "../../../lib/campaigns/editor/form-values";
import { campaignInputSchema, editorLimits, errorKeys, fieldErrors, publishProblems, type FieldErrors } from "../../../lib/campaigns/editor/schema";
import { firstFreeSlug, slugFromTitle } from "../../../lib/campaigns/editor/slug";
import { AppError } from "../../../lib/errors";
import { parseCampaignInput } from "../../../lib/campaigns/editor/schema";
import ar from "../../../lib/i18n/messages/ar/campaign-editor.json";
import en from "../../../lib/i18n/messages/en/campaign-editor.json";

const valid = {
  titleEn: "Ceasefire in Idlib now",
  titleAr: "وقف إطلاق النار في إدلب الآن",
  summaryEn: "Stop the bombing of homes, schools and hospitals.",
  summaryAr: "أوقفوا قصف البيوت والمدارس والمستشفيات.",
  bodyEn: "## Why\n\nBecause **civilians** are dying.",
  bodyAr: "",
  goals: "1000, 10000, 100000",
  opensAt: "2026-03-01",
  closesAt: "2026-06-30",
  sourceStatementId: "",
  demands: [{ kind: "CEASEFIRE", textEn: "An immediate ceasefire", textAr: "وقف فوري لإطلاق النار", sourceQuote: "We call for an immediate ceasefire.", sourceStatementId: "" }],
  decisionMakerIds: [],
};

// What the form shows: the per-field error keys, or null when the input is accepted.
function errorsFor(input: Record<string, unknown>): FieldErrors | null {
  const result = campaignInputSchema.safeParse(input);
  return result.success ? null : fieldErrors(result.error);
}

const row = (overrides: Record<string, unknown> = {}) => ({ ...valid.demands[0], ...overrides });

describe("campaignInputSchema", () => {
  it("accepts a complete bilingual campaign and tidies it", () => {
    const result = campaignInputSchema.parse({ ...valid, titleEn: "  Ceasefire in Idlib now ", decisionMakerIds: ["dm1", "dm2", "dm1"] });
    expect(result).toEqual({
      titleEn: "Ceasefire in Idlib now",
      titleAr: "وقف إطلاق النار في إدلب الآن",
      summaryEn: valid.summaryEn,
      summaryAr: valid.summaryAr,
      bodyEn: valid.bodyEn,
      bodyAr: null,
      goals: [1000, 10000, 100000],
      opensAt: new Date("2026-03-01T00:00:00Z"),
      closesAt: new Date("2026-06-30T00:00:00Z"),
      retentionMonths: 6,
      sourceStatementId: null,
      demands: [{ kind: "CEASEFIRE", textEn: "An immediate ceasefire", textAr: "وقف فوري لإطلاق النار", sourceQuote: "We call for an immediate ceasefire.", sourceStatementId: null, row: 0 }],
      decisionMakerIds: ["dm1", "dm2"],
    });
  });

  it("keeps Markdown bodies exactly as written, apart from surrounding space", () => {
    const body = "<script>alert(1)</script>\n\n[x](javascript:alert(1))";
    expect(campaignInputSchema.parse({ ...valid, bodyEn: `  ${body}\n` }).bodyEn).toBe(body);
  });

  describe("Arabic is optional", () => {
    it("accepts a campaign with no Arabic at all, storing null", () => {
      const result = campaignInputSchema.parse({ ...valid, titleAr: "", summaryAr: "   ", bodyAr: undefined, demands: [row({ textAr: "" })] });
      expect(result).toMatchObject({ titleAr: null, summaryAr: null, bodyAr: null });
      expect(result.demands[0]!.textAr).toBeNull();
    });

    it("but English is not: the English title is always required", () => {
      expect(errorsFor({ ...valid, titleEn: "" })).toEqual({ titleEn: "titleRequired" });
      expect(errorsFor({ ...valid, titleEn: "   " })).toEqual({ titleEn: "titleRequired" });
      expect(errorsFor({ ...valid, titleEn: undefined })).toEqual({ titleEn: "titleRequired" });
      expect(errorsFor({ ...valid, titleEn: "", titleAr: "وقف إطلاق النار" })).toEqual({ titleEn: "titleRequired" });
    });

    it("lets a draft leave the English summary and body empty", () => {
      const result = campaignInputSchema.parse({ ...valid, summaryEn: "", bodyEn: undefined });
      expect(result.summaryEn).toBe("");
      expect(result.bodyEn).toBe("");
    });
  });

  describe("lengths", () => {
    it.each([
      ["titleEn", editorLimits.title, "titleTooLong"],
      ["titleAr", editorLimits.title, "titleTooLong"],
      ["summaryEn", editorLimits.summary, "summaryTooLong"],
      ["summaryAr", editorLimits.summary, "summaryTooLong"],
      ["bodyEn", editorLimits.body, "bodyTooLong"],
      ["bodyAr", editorLimits.body, "bodyTooLong"],
    ])("limits %s to %i characters", (field, max, key) => {
      const letter = field.endsWith("Ar") ? "ن" : "a";
      expect(errorsFor({ ...valid, [field]: letter.repeat(max) })).toBeNull();
      expect(errorsFor({ ...valid, [field]: letter.repeat(max + 1) })).toEqual({ [field]: key });
    });

    it("limits demand texts and quotes, per row", () => {
      expect(errorsFor({ ...valid, demands: [row({ textEn: "a".repeat(editorLimits.demandText) })] })).toBeNull();
      expect(errorsFor({ ...valid, demands: [row(), row({ textEn: "a".repeat(editorLimits.demandText + 1) })] })).toEqual({ "demands.1.textEn": "demandTextTooLong" });
      expect(errorsFor({ ...valid, demands: [row({ textAr: "ن".repeat(editorLimits.demandText + 1) })] })).toEqual({ "demands.0.textAr": "demandTextTooLong" });
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
      expect(errorsFor({ ...valid, titleEn: "", closesAt: "2026-01-01" })).toEqual({ titleEn: "titleRequired", closesAt: "closesBeforeOpens" });
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
      const blank = { kind: "", textEn: "", textAr: "", sourceQuote: "", sourceStatementId: "" };
      const result = campaignInputSchema.parse({
        ...valid,
        demands: [blank, row({ textEn: "First" }), { ...blank, textEn: "   " }, row({ kind: "ICC_REFERRAL", textEn: "Second" }), blank, {}],
      });
      expect(result.demands.map((demand) => [demand.row, demand.kind, demand.textEn])).toEqual([
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
          demands: [row(), {}, row({ kind: "" }), row({ textEn: "", textAr: "نص بالعربية فقط" }), row({ kind: "NOT_A_KIND" })],
        }),
      ).toEqual({ "demands.2.kind": "demandKindRequired", "demands.3.textEn": "demandTextRequired", "demands.4.kind": "demandKindRequired" });
    });

    it("needs only the kind and the English text; the rest is optional", () => {
      const result = campaignInputSchema.parse({ ...valid, demands: [{ kind: "SAFE_RETURN", textEn: "Safe return" }] });
      expect(result.demands).toEqual([{ kind: "SAFE_RETURN", textEn: "Safe return", textAr: null, sourceQuote: null, sourceStatementId: null, row: 0 }]);
    });

    it("caps the number of demands", () => {
      const many = Array.from({ length: editorLimits.demands }, (_, index) => row({ textEn: `Demand ${index}` }));
      expect(errorsFor({ ...valid, demands: many })).toBeNull();
      expect(errorsFor({ ...valid, demands: [...many, row()] })).toEqual({ demands: "demandsTooMany" });
    });
  });

  it("turns values of the wrong type into the generic key", () => {
    expect(errorsFor({ ...valid, demands: "ceasefire", decisionMakerIds: "dm1" })).toEqual({ demands: "invalidValue", decisionMakerIds: "invalidValue" });
    expect(errorsFor({ ...valid, titleAr: 42 })).toEqual({ titleAr: "invalidValue" });
    expect(fieldErrors(campaignInputSchema.safeParse(null).error!)).toEqual({ form: "invalidValue" });
  });

  it("throws one VALIDATION error with every field's key from parseCampaignInput", () => {
    let error: unknown;
    try {
      parseCampaignInput({ ...valid, titleEn: "", goals: "3, 2" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", fields: { titleEn: "titleRequired", goals: "goalsNotAscending" } });
  });
});

describe("publishProblems", () => {
  const ready = { titleEn: "Ceasefire", summaryEn: "Stop the bombing.", demandCount: 1, closesAt: null };

  it("accepts a campaign with an English title and summary and a demand", () => {
    expect(publishProblems(ready)).toEqual({});
  });

  it("names everything still missing", () => {
    expect(publishProblems({ titleEn: " ", summaryEn: "", demandCount: 0 })).toEqual({
      titleEn: "titleRequired",
      summaryEn: "summaryRequiredToPublish",
      demands: "demandsRequiredToPublish",
    });
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
        ["titleEn", "Ceasefire"],
        ["goals", "1000"],
        ["demands.0.kind", "CEASEFIRE"],
        ["demands.0.textEn", "First"],
        ["demands.0.remove", "on"],
        ["demands.1.kind", "ICC_REFERRAL"],
        ["demands.1.textEn", "Second"],
        ["demands.1.textAr", "الثاني"],
        ["demands.3.kind", ""],
        ["demands.3.unknown", "ignored"],
        ["demandsX.9.kind", "CEASEFIRE"],
        ["decisionMakerIds", "dm1"],
        ["decisionMakerIds", "dm2"],
      ]),
    );
    expect(values.titleEn).toBe("Ceasefire");
    expect(values.titleAr).toBe("");
    expect(values.decisionMakerIds).toEqual(["dm1", "dm2"]);
    const blank = { kind: "", textEn: "", textAr: "", sourceQuote: "", sourceStatementId: "", remove: false };
    expect(values.demands).toEqual([
      // Removed rows keep what was written, so it is still there if the form comes back with an error.
      { ...blank, kind: "CEASEFIRE", textEn: "First", remove: true },
      { ...blank, kind: "ICC_REFERRAL", textEn: "Second", textAr: "الثاني" },
      blank,
      blank,
    ]);
    // Only the row neither empty nor removed is saved, under its own row number.
    expect(campaignInputSchema.parse(values).demands.map((demand) => [demand.row, demand.textEn])).toEqual([[1, "Second"]]);
  });

  it("does not validate a removed row", () => {
    const removedInvalid = { kind: "", textEn: "", textAr: "ن".repeat(editorLimits.demandText + 1), sourceQuote: "", sourceStatementId: "", remove: true };
    expect(errorsFor({ ...valid, demands: [removedInvalid, row()] })).toBeNull();
    expect(errorsFor({ ...valid, demands: [{ ...removedInvalid, remove: false }, row()] })).toEqual({ "demands.0.kind": "demandKindRequired", "demands.0.textEn": "demandTextRequired", "demands.0.textAr": "demandTextTooLong" });
  });

  it("does not read rows past the limit, so a crafted row number cannot allocate a huge list", () => {
    const values = editorValuesFromFormData(form([["demands.999.textEn", "x"], [`demands.${editorLimits.demandRows}.textEn`, "y"], ["demands.99999999.textEn", "z"]]));
    expect(values.demands).toEqual([]);
  });

  it("shows every row so far plus two empty ones to add demands without JavaScript", () => {
    const filled = { kind: "CEASEFIRE", textEn: "First", textAr: "", sourceQuote: "", sourceStatementId: "", remove: false };
    const blank = { kind: "", textEn: "", textAr: "", sourceQuote: "", sourceStatementId: "", remove: false };
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
      titleEn: "Ceasefire",
      titleAr: null,
      summaryEn: "Stop.",
      summaryAr: "أوقفوا.",
      bodyEn: "",
      bodyAr: null,
      goals: [1000, 10000],
      opensAt: new Date("2026-03-01T00:00:00Z"),
      closesAt: new Date("2026-06-30T18:30:00Z"),
      retentionMonths: 12,
      sourceStatementId: "st1",
      demands: [{ kind: "CEASEFIRE", textEn: "Now", textAr: null, sourceQuote: null, sourceStatementId: "st1" }],
      decisionMakerIds: ["dm1"],
    });
    expect(values).toMatchObject({ titleAr: "", goals: "1000, 10000", opensAt: "2026-03-01", closesAt: "2026-06-30", retentionMonths: "12" });
    expect(campaignInputSchema.parse(values)).toMatchObject({ goals: [1000, 10000], retentionMonths: 12, sourceStatementId: "st1", decisionMakerIds: ["dm1"], demands: [{ kind: "CEASEFIRE", textEn: "Now" }] });
  });

  it("keeps signers' personal data 6 months after closing unless the organiser picks 1 to 120", () => {
    const parse = (retentionMonths: unknown) => campaignInputSchema.safeParse({ ...newCampaignValues, titleEn: "New", retentionMonths });
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
    expect(campaignInputSchema.parse({ ...newCampaignValues, titleEn: "New" }).goals).toEqual([1000, 10000, 100000]);
  });
});

describe("slugs", () => {
  it.each([
    ["Ceasefire in Idlib now", "ceasefire-in-idlib-now"],
    ["Ceasefire in Idlib — NOW!", "ceasefire-in-idlib-now"],
    ["Protect Ma’arrat al-Nu’man’s hospitals", "protect-maarrat-al-numans-hospitals"],
    ["Café, école: déjà vu", "cafe-ecole-deja-vu"],
    ["Refer Syria to the ICC (2026)", "refer-syria-to-the-icc-2026"],
    ["وقف إطلاق النار", "campaign"],
    ["Idlib وقف", "idlib"],
    ["   ", "campaign"],
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
