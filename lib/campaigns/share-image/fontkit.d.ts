// The part of fontkit's API the share image uses (the package ships no types).
declare module "fontkit" {
  export type Glyph = { id: number; advanceWidth: number; path: { toSVG(): string } };
  export type GlyphPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
  export type GlyphRun = { glyphs: Glyph[]; positions: GlyphPosition[]; direction: "ltr" | "rtl"; advanceWidth: number };
  export type Font = {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: string[] | Record<string, boolean>, script?: string, language?: string, direction?: "ltr" | "rtl"): GlyphRun;
  };
  export function create(buffer: Buffer): Font;
}
