import { describe, expect, it } from "vitest";
import { goalProgress } from "../../../lib/campaigns/goals";
import { cachedRender } from "../../../lib/campaigns/share-image/render-cache";
import { shareImageSvg } from "../../../lib/campaigns/share-image/share-image-svg";
import { shapeLine, visualRuns, wrapLines } from "../../../lib/campaigns/share-image/text-paths";
import { isolate } from "../../../lib/i18n/isolate";

describe("text for the share image", () => {
  it("lays a right-to-left line out from the right, with a Latin name inside it kept left to right", () => {
    const runs = visualRuns("الدولية (ICC) الآن", "rtl").map((run) => run.text.trim()).filter(Boolean);
    // Left to right on the image: the last word first, the name in the middle, the first word last.
    expect(runs[0]).toBe("الآن");
    expect(runs.at(-1)).toBe("الدولية");
    expect(runs).toContain("ICC");
    // The brackets face the name from either side once mirrored.
    expect(runs.join("")).toContain("(ICC)");
  });

  it("keeps a number after an isolated Latin name with the Arabic words it belongs to, and draws no isolate mark", () => {
    // Runs left to right on the page; the line reads from the right: the name, then "، 1 أكتوبر".
    const runs = (authors: string) => visualRuns(`المصدر: تقرير، ${authors}، 1 أكتوبر 2026.`, "rtl").map((run) => run.text.trim()).filter(Boolean);
    const nameBeforeDate = (texts: string[]) => texts.indexOf("Syrian Network for Human Rights") > texts.indexOf("1");
    // Without isolation the Unicode rules carry "، 1" into the name's left-to-right run: the 1 is drawn right of the name.
    expect(nameBeforeDate(runs("Syrian Network for Human Rights"))).toBe(false);
    const set = runs(isolate("Syrian Network for Human Rights"));
    expect(nameBeforeDate(set)).toBe(true);
    expect(set.indexOf("1")).toBe(set.indexOf("أكتوبر") + 1);
    expect(set.join("")).not.toMatch(/[\u2066-\u2069]/);
  });

  it("joins Arabic letters: a word takes fewer, contextual glyphs than it has letters", () => {
    const joined = shapeLine("سلام", { size: 40, weight: 600, direction: "rtl" });
    // Seen, lam-alef as one ligature, meem.
    expect(joined.paths).toHaveLength(3);
    const apart = shapeLine("س ل ا م", { size: 40, weight: 600, direction: "rtl" });
    expect(apart.width).toBeGreaterThan(joined.width);
  });

  it("wraps a long title into at most the lines allowed, ending in an ellipsis", () => {
    const title = "أوقفوا الهجمات واحموا المدنيين في شمال غرب سوريا وأحيلوا الملف إلى المحكمة الجنائية الدولية الآن قبل فوات الأوان";
    const lines = wrapLines(title, { size: 60, weight: 600, direction: "rtl", maxWidth: 700, maxLines: 2 });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(700);
  });

  it("draws a 1200×630 image whose drawing changes with the count", () => {
    const draw = (count: number) => shareImageSvg({ locale: "ar", title: { text: "احموا مدارس إدلب", locale: "ar" }, progress: goalProgress(count, [10, 100]), host: "nida.example.org" });
    expect(draw(3)).toMatch(/^<svg[^>]* width="1200" height="630"/);
    expect(draw(3)).toBe(draw(3));
    expect(draw(4)).not.toBe(draw(3));
  });
});

describe("cachedRender", () => {
  it("renders again only when the version changed and the last render is old enough", async () => {
    let renders = 0;
    const render = async () => new Uint8Array([++renders]);
    const at = (now: number, version: string) => cachedRender({ id: "unit:share", version, minAgeMs: 10_000, render, now });
    expect(await at(0, "1")).toEqual(new Uint8Array([1]));
    expect(await at(20_000, "1")).toEqual(new Uint8Array([1]));
    // A new count within ten seconds of the last render waits for the next one.
    expect(await at(5_000, "2")).toEqual(new Uint8Array([1]));
    expect(await at(10_000, "2")).toEqual(new Uint8Array([2]));
    expect(renders).toBe(2);
  });
});
