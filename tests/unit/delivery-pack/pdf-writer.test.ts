// The Latin letters of the PDF pages and the share images: every letter of the languages a campaign
// may be written in is drawn by a face that has it, so a campaign in Turkish or Kurdish shows no
// empty boxes.
import * as fontkit from "fontkit";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fontFiles, latinFaceOf } from "../../../lib/campaigns/share-image/text-paths";

const face = (name: string) => fontkit.create(readFileSync(join(process.cwd(), "node_modules", fontFiles[name as keyof typeof fontFiles]))) as fontkit.Font;

const texts = {
  en: "Protect civilians in northwest Syria — “now”.",
  tr: "Gözaltındakileri serbest bırakın: İstanbul'da, Şanlıurfa'da ve her yerde ğ ş ı İ Ç Ö Ü.",
  ku: "Azadî ji bo girtiyan: êş, şer û jiyan — Êzîdî, Şengal, Çiya.",
  fr: "Libérez les détenus : œuvre, Noël, garçon, « à présent ».",
  de: "Lassen Sie die Gefangenen frei: Straße, Bürger, Ärzte, „jetzt“.",
};

describe("the Latin faces of PDFs and share images", () => {
  for (const [language, text] of Object.entries(texts)) {
    it(`draw every letter of ${language} with a face that has it, at both weights`, () => {
      const missing = [...text].filter((char) => {
        const chosen = latinFaceOf(char);
        return [400, 600].some((weight) => !face(`${chosen}-${weight}`).hasGlyphForCodePoint(char.codePointAt(0)!));
      });
      expect(missing).toEqual([]);
    });
  }

  it("take the extended face only for the letters the Latin one lacks", () => {
    expect([..."Şağlık"].map(latinFaceOf)).toEqual(["latin-ext", "latin", "latin-ext", "latin", "latin", "latin"]);
  });
});
