// The web fonts' families and weights, the core characters each script's pages use, Fontsource's
// faces and what a font file maps, and arithmetic on unicode-ranges: shared by
// scripts/subset-fonts.mjs and the test of its output (tests/unit/fonts.test.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create as openFont } from "fontkit";

const require = createRequire(import.meta.url);

export const weights = [400, 600];

export const families = [
  { name: "IBM Plex Sans", pkg: "@fontsource/ibm-plex-sans", prefix: "ibm-plex-sans", script: "latin", cut: [{ subset: "latin-ext" }, { subset: "latin" }], subsets: ["cyrillic-ext", "cyrillic", "greek", "vietnamese", "latin-ext", "latin"] },
  // Only its Arabic letters: Latin text on an Arabic page is set in IBM Plex Sans, next in the
  // font stack, whose files an English page has already brought. Its core also takes the file's
  // spaces, beyond its range, so that a run of Arabic words is set in one font.
  { name: "IBM Plex Sans Arabic", pkg: "@fontsource/ibm-plex-sans-arabic", prefix: "ibm-plex-sans-arabic", script: "arabic", cut: [{ subset: "arabic", beyondRange: [[0x20, 0x20], [0xa0, 0xa0]] }], subsets: ["arabic"] },
];

// [first, last] code points, sorted and not touching.
const merge = (ranges) => {
  const sorted = ranges.map(([a, b]) => [a, b]).sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else out.push(range);
  }
  return out;
};

export const coreRanges = {
  // ASCII and Latin-1 (the accented letters of French, German, Turkish and Kurdish words, and of
  // the country names every sign form lists: Åland, Côte d'Ivoire, Türkiye), Turkish and Kurmanji
  // ğ ı İ ş and French œ, the typographic punctuation and spaces of U+2000–U+203A (dashes, quotes,
  // ellipsis), euro, trade mark, minus.
  latin: merge([[0x20, 0x7e], [0xa0, 0xff], [0x11e, 0x11f], [0x130, 0x131], [0x152, 0x153], [0x15e, 0x15f], [0x2000, 0x203a], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2212, 0x2212]]),
  // The spaces (see the family above); Arabic punctuation, the 28 letters with hamza forms and
  // tatweel, the harakat, Arabic-Indic digits and signs, alef wasla and dagger alef, the letters of
  // Persian and Kurdish names most often met in Syria (peh, tcheh, jeh, veh, keheh, gaf, Farsi
  // yeh), and the joiners and marks.
  arabic: merge([[0x20, 0x20], [0xa0, 0xa0], [0x60c, 0x60c], [0x61b, 0x61b], [0x61f, 0x61f], [0x621, 0x63a], [0x640, 0x655], [0x660, 0x66d], [0x670, 0x671], [0x67e, 0x67e], [0x686, 0x686], [0x698, 0x698], [0x6a4, 0x6a4], [0x6a9, 0x6a9], [0x6af, 0x6af], [0x6cc, 0x6cc], [0x200c, 0x200f]]),
};

// The fonts a phone or computer draws the text in until the web fonts have arrived, per script:
// Arial (and its metric twins Liberation Sans and Arimo) on Windows and Macs, Roboto on Android,
// DejaVu Sans on Linux; Noto Naskh Arabic on Android, Noto Sans Arabic, DejaVu Sans's Arabic. Each
// with the advance width of the script's sample text per em, measured with fontkit from the fonts
// of Debian's fonts-liberation2, fonts-roboto-unhinted, fonts-dejavu-core and fonts-noto-core.
export const fallbackFonts = {
  latin: [
    { name: "Arial", local: ["Arial", "ArialMT", "Liberation Sans", "Arimo"], width: 19.621 },
    { name: "Roboto", local: ["Roboto", "Roboto-Regular"], width: 19.683 },
    { name: "DejaVu", local: ["DejaVu Sans", "DejaVuSans"], width: 22.455 },
  ],
  arabic: [
    { name: "Naskh", local: ["Noto Naskh Arabic", "NotoNaskhArabic-Regular"], width: 33.247 },
    { name: "Noto Sans", local: ["Noto Sans Arabic", "NotoSansArabic-Regular"], width: 36.816 },
    { name: "DejaVu", local: ["DejaVu Sans", "DejaVuSans"], width: 39.329 },
  ],
};

// What the widths above are measured on: Latin letters at their frequency in English and French
// with spaces between words (the sample Next.js's fonts use), and an Arabic sentence of a campaign.
export const fallbackSamples = {
  latin: "aaabcdeeeefghiijklmnnoopqrrssttuvwxyz      ",
  arabic: "أوقفوا الهجمات على المدنيين في شمال غرب سوريا وأحيلوا الوضع إلى المحكمة الجنائية الدولية",
};

// The width of a text set in a font, per em (fontkit shapes it, Arabic's joined forms included).
export function textWidth(path, text) {
  const font = openFont(readFileSync(path));
  const { positions } = font.layout(text);
  return positions.reduce((sum, position) => sum + position.xAdvance, 0) / font.unitsPerEm;
}

export function parseRanges(text) {
  return merge(
    text.split(",").map((part) => {
      const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    }),
  );
}

export function formatRanges(ranges) {
  const hex = (point) => point.toString(16).toUpperCase();
  return ranges.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(",");
}

export function intersectRanges(a, b) {
  const out = [];
  for (const [a0, a1] of a) for (const [b0, b1] of b) if (Math.max(a0, b0) <= Math.min(a1, b1)) out.push([Math.max(a0, b0), Math.min(a1, b1)]);
  return merge(out);
}

export function subtractRanges(a, b) {
  let rest = merge(a);
  for (const [b0, b1] of b) {
    rest = rest.flatMap(([a0, a1]) => {
      if (b1 < a0 || b0 > a1) return [[a0, a1]];
      return [...(a0 < b0 ? [[a0, b0 - 1]] : []), ...(a1 > b1 ? [[b1 + 1, a1]] : [])];
    });
  }
  return rest;
}

// Every code point in any of the lists of ranges.
export function unionRanges(lists) {
  return merge(lists.flat());
}

// The code points a font file maps, as sorted ranges.
export function cmapRanges(path) {
  return merge(openFont(readFileSync(path)).characterSet.map((point) => [point, point]));
}

// A font file's vertical metrics per em.
export function verticalMetrics(path) {
  const font = openFont(readFileSync(path));
  return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm, lineGap: font.lineGap / font.unitsPerEm };
}

// A family's faces as Fontsource ships them for one weight, those of its subsets only: each file's
// name and path, and its unicode-range.
export function fontsourceFaces(family, weight) {
  const css = readFileSync(require.resolve(`${family.pkg}/${weight}.css`), "utf8");
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)]
    .map(([, body]) => {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)[1];
      return { file, path: require.resolve(`${family.pkg}/files/${file}`), ranges: parseRanges(/unicode-range:\s*([^;]+);/.exec(body)[1]) };
    })
    .filter((face) => family.subsets.some((subset) => face.file === `${family.prefix}-${subset}-${weight}-normal.woff2`));
}
