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
// Hinting is left out of the cut files: phones draw text without it, and it is a quarter of a file.
//
// Until the files have arrived the browser draws the text in a font of its own (font-display:
// swap, so text is never hidden), which sets the same words wider or narrower, and the page moves
// when the web font takes over. So each fallback font (lib: fallbackFonts) gets a face of its own
// that scales it to the web font's width (size-adjust) and places its lines as the web font does
// (ascent-, descent- and line-gap-override); the stylesheet's font stacks name them after the web
// fonts (app/globals.css).
//
// The files are committed: run this after updating a @fontsource package, and the unit test
// tests/unit/fonts.test.ts checks that the faces still cover every character Fontsource's do.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import subsetFont from "subset-font";
import { cmapRanges, coreRanges, fallbackFonts, fallbackSamples, families, fontsourceFaces, formatRanges, intersectRanges, subtractRanges, textWidth, verticalMetrics, weights } from "./font-ranges.mjs";

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
        writeFileSync(join(out, file), await subsetFont(readFileSync(face.path), text(part.ranges), { targetFormat: "woff2", noHinting: true }));
        css.push({ family: family.name, weight, file, ranges: part.ranges });
      }
    }
  }
}
// The faces that scale each fallback font to the web font of its script, measured on the regular
// weight's core file (the bold is drawn from the same fallback, made bold by the browser).
const percent = (value) => `${(value * 100).toFixed(2)}%`;
const fallbackFaces = families.flatMap((family) => {
  const file = join(out, `${family.prefix}-${family.cut[family.cut.length - 1].subset}-400-core.woff2`);
  const width = textWidth(file, fallbackSamples[family.script]);
  const { ascent, descent, lineGap } = verticalMetrics(file);
  return fallbackFonts[family.script].map((fallback) => {
    const scale = width / fallback.width;
    const src = fallback.local.map((name) => `local("${name}")`).join(", ");
    return `@font-face { font-family: "${family.name} Fallback ${fallback.name}"; src: ${src}; size-adjust: ${percent(scale)}; ascent-override: ${percent(ascent / scale)}; descent-override: ${percent(descent / scale)}; line-gap-override: ${percent(lineGap / scale)}; unicode-range: ${formatRanges(coreRanges[family.script])}; }`;
  });
});
// Later faces are tried first where ranges overlap (Fontsource's own subsets overlap a little);
// the core and rest of one file never do.
writeFileSync(
  join(out, "fonts.css"),
  `/* Made by npm run fonts (scripts/subset-fonts.mjs) from the @fontsource packages. */\n${css
    .map(({ family, weight, file, ranges }) => `@font-face { font-family: "${family}"; font-style: normal; font-weight: ${weight}; font-display: swap; src: url("./${file}") format("woff2"); unicode-range: ${formatRanges(ranges)}; }`)
    .join("\n")}\n${fallbackFaces.join("\n")}\n`,
);
console.log(`[fonts] ${css.length} faces and ${fallbackFaces.length} fallback faces written to app/fonts/`);
