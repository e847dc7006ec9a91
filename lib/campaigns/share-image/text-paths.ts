import bidiFactory from "bidi-js";
import * as fontkit from "fontkit";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// Text for the share image, drawn as SVG outlines. The image renderer (satori) neither joins
// Arabic letters reliably nor lays out right-to-left lines, so the text is shaped here instead:
// fontkit applies the fonts' own OpenType rules (Arabic joining, lam-alef, kerning), bidi-js
// orders mixed Arabic and Latin text by the Unicode Bidirectional Algorithm, and the glyphs
// become paths that any SVG renderer draws the same way.

export type Weight = 400 | 600;
export type Face = "arabic" | "latin" | "latin-ext";

// The fonts the pages already ship, read from node_modules (WOFF: fontkit reads it, nothing is
// fetched at run time); the delivery pack's PDFs embed the same. The extended Latin face holds the
// letters of Turkish and Kurdish (ş, ğ, İ) that the Latin one lacks, and none of those it has: a
// run takes it only for those letters.
export const fontFiles: Record<`${Face}-${Weight}`, string> = {
  "arabic-400": "@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-400-normal.woff",
  "arabic-600": "@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-600-normal.woff",
  "latin-400": "@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-400-normal.woff",
  "latin-600": "@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-600-normal.woff",
  "latin-ext-400": "@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-ext-400-normal.woff",
  "latin-ext-600": "@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-ext-600-normal.woff",
};

const loaded = new Map<string, fontkit.Font>();

function font(face: Face, weight: Weight): fontkit.Font {
  const name = `${face}-${weight}` as const;
  let opened = loaded.get(name);
  if (!opened) {
    opened = fontkit.create(readFileSync(join(process.cwd(), "node_modules", fontFiles[name]))) as fontkit.Font;
    loaded.set(name, opened);
  }
  return opened;
}

// Which Latin face draws a character, read from the fonts themselves.
export function latinFaceOf(char: string): "latin" | "latin-ext" {
  const code = char.codePointAt(0)!;
  // ASCII and Latin-1, the most of what is drawn, are in the Latin face.
  if (code < 0x100) return "latin";
  return !font("latin", 400).hasGlyphForCodePoint(code) && font("latin-ext", 400).hasGlyphForCodePoint(code) ? "latin-ext" : "latin";
}

// A run of one font, in logical order: an Arabic run as it is, a Latin one cut where the face changes.
function faceRuns(run: Run): { text: string; face: Face }[] {
  if (run.arabic) return [{ text: run.text, face: "arabic" }];
  const pieces: { text: string; face: Face }[] = [];
  for (const char of run.text) {
    const face = latinFaceOf(char);
    const last = pieces.at(-1);
    if (last?.face === face) last.text += char;
    else pieces.push({ text: char, face });
  }
  // A right-to-left run (digits and marks between Arabic words) is laid out as one.
  return run.rtl && pieces.length > 1 ? [{ text: run.text, face: "latin" }] : pieces;
}

const bidi = bidiFactory();
const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
// Direction marks steer the bidi algorithm but have no glyph of their own.
const invisible = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

export type Run = { text: string; rtl: boolean; arabic: boolean };

export type ShapedLine = { width: number; paths: string[] };

const isolateMark = /[\u2066-\u2069]/;

// Splits a line into runs of one direction level and one font, in visual order (left to right).
export function visualRuns(line: string, direction: "ltr" | "rtl"): Run[] {
  const levels = bidi.getEmbeddingLevels(line, direction);
  // bidi-js works on UTF-16 code units; a surrogate pair keeps one level, so stays in one run.
  const chars = line.split("");
  // Brackets in right-to-left runs turn round: "(" shows as ")" (the bidi mirroring rule).
  for (const [index, char] of bidi.getMirroredCharactersMap(line, levels.levels)) chars[index] = char;

  // Each character's run: a change of level or of script starts a new one. Isolate marks (a name
  // set apart from the sentence around it) count for the levels and are not drawn.
  const runOf: number[] = [];
  const runs: Run[] = [];
  chars.forEach((char, index) => {
    if (isolateMark.test(char)) return runOf.push(-1);
    const level = levels.levels[index] ?? 0;
    const arabic = arabicScript.test(char);
    const previous = runs.at(-1);
    const previousLevel = index > 0 && runOf[index - 1] !== -1 ? (levels.levels[index - 1] ?? 0) : -1;
    if (previous && previousLevel === level && previous.arabic === arabic) {
      previous.text += char;
    } else {
      runs.push({ text: char, rtl: level % 2 === 1, arabic });
    }
    runOf.push(runs.length - 1);
  });

  // Reorder characters visually, then read the runs off in that order.
  const order = chars.map((_, index) => index);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(line, levels)) {
    const reversed = order.slice(start, end + 1).reverse();
    order.splice(start, reversed.length, ...reversed);
  }
  const visual: Run[] = [];
  let last = -1;
  for (const index of order) {
    const run = runOf[index]!;
    if (run === -1) continue;
    if (run !== last) visual.push(runs[run]!);
    last = run;
  }
  return visual;
}

// Shapes one line at `size` pixels; the paths start at x = 0 on the baseline y = 0.
export function shapeLine(line: string, options: { size: number; weight: Weight; direction: "ltr" | "rtl" }): ShapedLine {
  const text = line.replace(invisible, "");
  const paths: string[] = [];
  let x = 0;
  for (const piece of visualRuns(text, options.direction).flatMap((run) => faceRuns(run).map((part) => ({ ...part, rtl: run.rtl })))) {
    const face = font(piece.face, options.weight);
    const scale = options.size / face.unitsPerEm;
    // fontkit returns right-to-left runs already in visual order.
    const glyphRun = face.layout(piece.text, undefined, piece.face === "arabic" ? "arab" : "latn", undefined, piece.rtl ? "rtl" : "ltr");
    glyphRun.glyphs.forEach((glyph, index) => {
      const position = glyphRun.positions[index]!;
      const d = glyph.path.toSVG();
      if (d) {
        const tx = x + position.xOffset * scale;
        const ty = -position.yOffset * scale;
        paths.push(`<path transform="matrix(${round(scale)} 0 0 ${round(-scale)} ${round(tx)} ${round(ty)})" d="${d}"/>`);
      }
      x += position.xAdvance * scale;
    });
  }
  return { width: x, paths };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// Greedy line breaking at spaces; the last line allowed ends in an ellipsis when text remains.
export function wrapLines(text: string, options: { size: number; weight: Weight; direction: "ltr" | "rtl"; maxWidth: number; maxLines: number }): ShapedLine[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: ShapedLine[] = [];
  let current: string[] = [];
  const measure = (candidate: string[]) => shapeLine(candidate.join(" "), options);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const candidate = [...current, word];
    if (current.length === 0 || measure(candidate).width <= options.maxWidth) {
      current = candidate;
      continue;
    }
    if (lines.length === options.maxLines - 1) {
      lines.push(ellipsized(current, options));
      return lines;
    }
    lines.push(measure(current));
    current = [word];
  }
  if (current.length > 0) lines.push(measure(current));
  return lines;
}

function ellipsized(words: string[], options: { size: number; weight: Weight; direction: "ltr" | "rtl"; maxWidth: number }): ShapedLine {
  const kept = [...words];
  while (kept.length > 1) {
    const line = shapeLine(`${kept.join(" ")} …`, options);
    if (line.width <= options.maxWidth) return line;
    kept.pop();
  }
  return shapeLine(`${kept.join(" ")} …`, options);
}
