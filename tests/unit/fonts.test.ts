// The web fonts in app/fonts/ (made by npm run fonts): the faces together still cover every
// character the Fontsource faces they were made from covered, each file has every character its
// unicode-range promises, no two faces of a family and weight claim one character, and the core
// files hold every character of the interface's messages, so a page in Arabic or English fetches
// nothing else for its own words.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cmapRanges, coreRanges, fallbackFonts, fallbackSamples, families, fontsourceFaces, formatRanges, intersectRanges, parseRanges, subtractRanges, textWidth, unionRanges, weights } from "@/scripts/font-ranges.mjs";

type Ranges = [number, number][];
type Script = keyof typeof fallbackSamples;
type Face = { family: string; weight: number; file: string; ranges: Ranges };

const fontsDir = join(process.cwd(), "app", "fonts");

function faces(css: string, fileOf: (url: string) => string): Face[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)]
    .filter(([, body]) => body!.includes("url("))
    .map(([, body]) => ({
    family: /font-family:\s*"?([^";]+)"?;/.exec(body!)![1]!,
    weight: Number(/font-weight:\s*(\d+)/.exec(body!)![1]),
    file: fileOf(/url\("?([^")]+\.woff2)"?\)/.exec(body!)![1]!),
    ranges: parseRanges(/unicode-range:\s*([^;]+);/.exec(body!)![1]!) as Ranges,
  }));
}

const cmap = (path: string) => cmapRanges(path) as Ranges;

const ours = faces(readFileSync(join(fontsDir, "fonts.css"), "utf8"), (url) => join(fontsDir, url.replace(/^\.\//, "")));

const union = (list: Ranges[]): Ranges => unionRanges(list) as Ranges;
const count = (ranges: Ranges) => ranges.reduce((sum, [from, to]) => sum + to - from + 1, 0);

describe("the web fonts", () => {
  for (const family of families) {
    for (const weight of weights) {
      const mine = ours.filter((face) => face.family === family.name && face.weight === weight);

      it(`${family.name} ${weight}: covers every character Fontsource's faces did`, () => {
        const theirs = union(fontsourceFaces(family, weight).map((face) => intersectRanges(face.ranges, cmap(face.path)) as Ranges));
        const missing = subtractRanges(theirs, union(mine.map((face) => face.ranges))) as Ranges;
        expect(formatRanges(missing)).toBe("");
        expect(count(theirs)).toBeGreaterThan(90);
      });

      it(`${family.name} ${weight}: each file cut here has every character its unicode-range names`, () => {
        const cut = mine.filter((face) => /-(core|rest)\.woff2$/.test(face.file));
        expect(cut).toHaveLength(2 * family.cut.length);
        for (const face of cut) expect({ file: face.file, missing: formatRanges(subtractRanges(face.ranges, cmap(face.file)) as Ranges) }).toEqual({ file: face.file, missing: "" });
      });

      for (const { subset } of family.cut) {
        it(`${family.name} ${weight}: the core and the rest of the ${subset} file share no character`, () => {
          const [rest, core] = ["rest", "core"].map((part) => mine.find((face) => face.file.endsWith(`/${family.prefix}-${subset}-${weight}-${part}.woff2`)));
          expect(core && rest).toBeTruthy();
          expect(formatRanges(intersectRanges(core!.ranges, rest!.ranges) as Ranges)).toBe("");
        });
      }
    }
  }

  it("holds every character of the interface's messages in the core files", () => {
    const messages = join(process.cwd(), "lib", "i18n", "messages");
    const text = readdirSync(messages, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".json"))
      .map((file) => readFileSync(join(messages, file), "utf8"))
      .join("");
    // Direction marks and other invisible format characters are drawn with no font.
    const invisible = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;
    const points = new Set([...text].filter((char) => !invisible.test(char)).map((char) => char.codePointAt(0)!));
    const used = union([...points].filter((point) => point >= 0x20).map((point) => [[point, point]]));
    const cores = union(ours.filter((face) => face.file.endsWith("-core.woff2")).map((face) => face.ranges));
    // A space no face has (French puts a narrow no-break space before ; : ! ?) is drawn by the
    // system's font, as blank as any other: nothing is fetched for it.
    const anyFace = union(ours.map((face) => face.ranges));
    const blank = used.filter(([from, to]) => from === to && /\p{Zs}/u.test(String.fromCodePoint(from)) && intersectRanges([[from, to]], anyFace).length === 0);
    expect(formatRanges(subtractRanges(subtractRanges(used, cores), blank) as Ranges)).toBe("");
    // The Arabic core is the Arabic messages' letters and little more.
    expect(count(intersectRanges(used, coreRanges.arabic) as Ranges)).toBeGreaterThan(40);
  });

  // A fallback face sets the sample text as wide as the web font does, so lines break in the same
  // places before the font arrives and after; and the stylesheet's font stacks name every one.
  it("scales each system fallback font to its web font's width, and the font stacks name it", () => {
    const css = readFileSync(join(fontsDir, "fonts.css"), "utf8");
    const stacks = readFileSync(join(process.cwd(), "app", "globals.css"), "utf8");
    for (const family of families) {
      const webWidth = textWidth(join(fontsDir, `${family.prefix}-${family.cut.at(-1)!.subset}-400-core.woff2`), fallbackSamples[family.script as Script]);
      expect(webWidth).toBeGreaterThan(10);
      for (const fallback of fallbackFonts[family.script as Script]) {
        const name = `${family.name} Fallback ${fallback.name}`;
        const face = new RegExp(`@font-face \\{ font-family: "${name}"; src: ([^;]+); size-adjust: ([\\d.]+)%;`).exec(css);
        expect(face, name).not.toBeNull();
        expect(face![1]).toContain(`local("${fallback.local[0]}")`);
        expect(Math.abs((Number(face![2]) / 100) * fallback.width - webWidth) / webWidth, name).toBeLessThan(0.001);
        expect(stacks, name).toContain(`"${name}"`);
      }
    }
  });
});
