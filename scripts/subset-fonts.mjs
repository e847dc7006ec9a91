// npm run fonts: the web fonts the pages use, made from the Fontsource packages into app/fonts/.
//
// Fontsource splits each font by script (Latin, Arabic, Cyrillic, …) and the browser fetches only
// the files whose unicode-range the page's text needs. Its Arabic file holds every Arabic-script
// language (43 kB a weight) and its Latin file every Western European one (23 kB), where a page in
// Arabic or English needs far less. So the Latin, Latin Extended and Arabic files are each cut in
// two: a core of the characters the interface's languages use, and the rest, with disjoint
// unicode-ranges, so that a page downloads the rest only when its text has a character from it (a
// name in Persian letters, a Polish or Czech name). Every other script's file is used as
// Fontsource ships it.
//
// The files are committed: run this after updating a @fontsource package, and the unit test
// tests/unit/fonts.test.ts checks that the faces still cover every character Fontsource's do.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import subsetFont from "subset-font";
import { cmapRanges, coreRanges, families, fontsourceFaces, formatRanges, intersectRanges, subtractRanges, weights } from "./font-ranges.mjs";

const out = join(dirname(new URL(import.meta.url).pathname), "..", "app", "fonts");

const text = (ranges) => ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join("");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const css = [];
for (const family of families) {
  for (const weight of weights) {
    for (const face of fontsourceFaces(family, weight)) {
      const cut = family.cut.find((one) => face.file === `${family.prefix}-${one.subset}-${weight}-normal.woff2`);
      if (!cut) {
        copyFileSync(face.path, join(out, face.file));
        css.push({ family: family.name, weight, file: face.file, ranges: face.ranges });
        continue;
      }
      const has = cmapRanges(face.path);
      const core = intersectRanges(coreRanges[family.script], [...face.ranges, ...(cut.beyondRange ?? [])]);
      const parts = [
        { name: "rest", ranges: intersectRanges(subtractRanges(face.ranges, core), has) },
        { name: "core", ranges: intersectRanges(core, has) },
      ];
      for (const part of parts.filter((one) => one.ranges.length)) {
        const file = face.file.replace("-normal.woff2", `-${part.name}.woff2`);
        writeFileSync(join(out, file), await subsetFont(readFileSync(face.path), text(part.ranges), { targetFormat: "woff2" }));
        css.push({ family: family.name, weight, file, ranges: part.ranges });
      }
    }
  }
}
// Later faces are tried first where ranges overlap (Fontsource's own subsets overlap a little);
// the core and rest of one file never do.
writeFileSync(
  join(out, "fonts.css"),
  `/* Made by npm run fonts (scripts/subset-fonts.mjs) from the @fontsource packages. */\n${css
    .map(({ family, weight, file, ranges }) => `@font-face { font-family: "${family}"; font-style: normal; font-weight: ${weight}; font-display: swap; src: url("./${file}") format("woff2"); unicode-range: ${formatRanges(ranges)}; }`)
    .join("\n")}\n`,
);
console.log(`[fonts] ${css.length} faces written to app/fonts/`);
