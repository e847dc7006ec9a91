import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { join } from "node:path";
import { fontFiles, latinFaceOf, visualRuns, type Face } from "../campaigns/share-image/text-paths";
import { direction, type Locale } from "../i18n/locales";

// Lines of mixed Arabic and Latin text on PDF pages. pdfkit embeds the fonts and shapes each run
// with fontkit (Arabic joining, lam-alef), but lays a line out left to right in logical order; so,
// as for the share image, bidi-js first splits each line into runs in visual order, and each run
// is drawn at its own place on the baseline.

export type Direction = "ltr" | "rtl";
type Weight = 400 | 600;

// Direction marks and overrides are dropped; isolates (FSI … PDI) stay for the bidi algorithm,
// which sets a value apart with them, and are not drawn.
const invisible = /[\u200B-\u200F\u202A-\u202E\u061C]/g;
const pageSize = { width: 595.28, height: 841.89 }; // A4 in points
const margin = 56;
// Medium error correction: a code still reads with a fold or a smudge, and stays small.
const qrOptions = { errorCorrectionLevel: "M" } as const;

// auto: the text's own direction, from its first strong letter (what dir="auto" does on a page),
// for what people wrote in either language: comments, names, demands not yet translated.
// bidi: the direction of a paragraph known to be wholly in a language of the other direction.
// lang: the language of a paragraph that is not in the document's, marked on it (a Span with
// /Lang) for screen readers and for copying.
export type TextStyle = { size?: number; weight?: Weight; color?: string; gapAfter?: number; indent?: number; auto?: boolean; bidi?: Direction; lang?: string; align?: Align };
type Align = "start" | "end" | "centre";

// A paragraph wholly in `language`, in a document in `documentLanguage`: when they differ (a
// campaign's text not written in the document's language), marked and in its own direction.
export function paragraphIn(language: Locale, documentLanguage: Locale): Pick<TextStyle, "bidi" | "lang"> {
  return language === documentLanguage ? {} : { bidi: direction(language), lang: language };
}

const firstStrong = /[A-Za-z\u00C0-\u024F]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

function ownDirection(text: string, fallback: Direction): Direction {
  const letter = firstStrong.exec(text)?.[0];
  if (!letter) return fallback;
  return /[A-Za-z\u00C0-\u024F]/.test(letter) ? "ltr" : "rtl";
}
export type Cell = { text: string; width: number; align?: "start" | "end"; weight?: Weight; bar?: number };

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly direction: Direction;
  y = margin;

  // bufferPages: pages stay open until the end, so a footer can say "page 2 of 3".
  constructor(options: { direction: Direction; title: string; bufferPages?: boolean }) {
    this.doc = new PDFDocument({ size: "A4", margin, autoFirstPage: true, bufferPages: options.bufferPages ?? false, info: { Title: options.title, Producer: "Nida" }, lang: options.direction === "rtl" ? "ar" : "en" } as PDFKit.PDFDocumentOptions);
    this.direction = options.direction;
    for (const [name, file] of Object.entries(fontFiles)) this.doc.registerFont(name, join(process.cwd(), "node_modules", file));
  }

  get contentWidth(): number {
    return pageSize.width - 2 * margin;
  }

  // The lowest baseline the flow may use; below it is the footer's.
  get bottom(): number {
    return pageSize.height - margin;
  }

  // The left edge of a box `offset` points from the start edge of the text area, in reading order.
  startX(offset: number, width: number): number {
    return this.direction === "rtl" ? margin + this.contentWidth - offset - width : margin + offset;
  }

  // Runs in visual order, each with its characters as drawn left to right and the face that draws
  // them. fontkit turns Arabic runs round itself; a right-to-left run of spaces and punctuation
  // (already mirrored by visualRuns) is drawn with the Latin face, left to right, so it is turned
  // round here.
  private runs(text: string, direction: Direction): { text: string; face: Face }[] {
    return visualRuns(text.replace(invisible, ""), direction).flatMap((run) => {
      if (run.arabic) return [{ text: run.text, face: "arabic" as const }];
      const chars = run.rtl ? [...run.text].reverse() : [...run.text];
      const pieces: { text: string; face: Face }[] = [];
      for (const char of chars) {
        const face = latinFaceOf(char);
        const last = pieces.at(-1);
        if (last?.face === face) last.text += char;
        else pieces.push({ text: char, face });
      }
      return pieces;
    });
  }

  // The width of a line as drawn.
  measure(text: string, style: { size: number; weight: Weight; bidi?: Direction }): number {
    let width = 0;
    for (const run of this.runs(text, style.bidi ?? this.direction)) {
      this.doc.font(`${run.face}-${style.weight}`).fontSize(style.size);
      width += this.doc.widthOfString(run.text);
    }
    return width;
  }

  // Draws one line in the box from x to x + width, on baseline y: at its start edge (left in
  // English, right in Arabic), its end edge, or centred.
  drawLine(text: string, options: { x: number; width: number; y: number; size: number; weight: Weight; color: string; align: Align; bidi?: Direction }) {
    const width = this.measure(text, options);
    const atRight = (this.direction === "rtl") === (options.align === "start");
    let x = options.align === "centre" ? options.x + (options.width - width) / 2 : atRight ? options.x + options.width - width : options.x;
    for (const run of this.runs(text, options.bidi ?? this.direction)) {
      this.doc.font(`${run.face}-${options.weight}`).fontSize(options.size).fillColor(options.color);
      const runWidth = this.doc.widthOfString(run.text);
      this.doc.text(run.text, x, options.y, { lineBreak: false, baseline: "alphabetic" });
      if (run.face === "arabic") this.ligaturesInVisualOrder();
      x += runWidth;
    }
  }

  // Readers (pdf.js, poppler) take an Arabic word's glyphs as drawn, left to right, and turn the
  // letters round; a ligature's letters (lam-alef, "shr") are turned round with them. Its text is
  // stored reversed, once per glyph of the font, so that copying the word gives it as written.
  private ligaturesInVisualOrder() {
    const font = (this.doc as unknown as { _font: { unicode?: number[][] } })._font;
    if (!font.unicode) return;
    const done = this.reversedGlyphs.get(font) ?? new Set<number>();
    this.reversedGlyphs.set(font, done);
    font.unicode.forEach((codePoints, glyph) => {
      if (codePoints && codePoints.length > 1 && !done.has(glyph)) {
        codePoints.reverse();
        done.add(glyph);
      }
    });
  }
  private readonly reversedGlyphs = new WeakMap<object, Set<number>>();

  // Greedy breaking at spaces, measured as drawn; a word wider than the line stays whole.
  wrap(text: string, style: { size: number; weight: Weight; bidi?: Direction }, maxWidth: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\n/)) {
      let current = "";
      for (const word of paragraph.trim().split(/\s+/).filter(Boolean)) {
        const candidate = current ? `${current} ${word}` : word;
        if (current && this.measure(candidate, style) > maxWidth) {
          lines.push(current);
          current = word;
        } else {
          current = candidate;
        }
      }
      lines.push(current);
    }
    return lines;
  }

  ensureSpace(height: number) {
    if (this.y + height > pageSize.height - margin) this.newPage();
  }

  newPage() {
    this.doc.addPage();
    this.y = margin;
  }

  paragraph(text: string, style: TextStyle = {}) {
    const size = style.size ?? 10.5;
    const weight = style.weight ?? 400;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.5;
    const x = this.direction === "rtl" ? margin : margin + indent;
    const bidi = style.bidi ?? (style.auto ? ownDirection(text, this.direction) : this.direction);
    // pdfkit closes a marked span at the foot of a page and opens it again on the next.
    if (style.lang) this.doc.markContent("Span", { lang: style.lang });
    for (const line of this.wrap(text, { size, weight, bidi }, this.contentWidth - indent)) {
      this.ensureSpace(lineHeight);
      this.y += size;
      this.drawLine(line, { x, width: this.contentWidth - indent, y: this.y, size, weight, color: style.color ?? "#111111", align: style.align ?? "start", bidi });
      this.y += lineHeight - size;
    }
    if (style.lang) this.doc.endMarkedContent();
    this.y += style.gapAfter ?? size * 0.6;
  }

  heading(text: string, size = 15) {
    this.ensureSpace(size * 4);
    this.y += size * 0.4;
    this.paragraph(text, { size, weight: 600, gapAfter: size * 0.4 });
  }

  // One table row; cells are given in reading order, so Arabic tables run from the right.
  row(cells: Cell[], options: { size?: number; shade?: boolean } = {}) {
    const size = options.size ?? 10;
    const height = size * 1.9;
    this.ensureSpace(height);
    if (options.shade) this.doc.rect(margin, this.y, this.contentWidth, height).fill("#f1f1ee");
    let offset = 0;
    for (const cell of cells) {
      const x = this.direction === "rtl" ? margin + this.contentWidth - offset - cell.width : margin + offset;
      // A bar cell: the bar from the start edge, its figure at the end edge.
      const label = 36;
      if (cell.bar !== undefined) {
        const barWidth = Math.max(cell.bar * (cell.width - 8 - label), cell.bar > 0 ? 1 : 0);
        const barX = this.direction === "rtl" ? x + cell.width - 4 - barWidth : x + 4;
        this.doc.rect(barX, this.y + height * 0.25, barWidth, height * 0.5).fill("#2f6f5e");
      }
      this.drawLine(cell.text, { x: x + 4, width: cell.width - 8, y: this.y + height * 0.66, size, weight: cell.weight ?? 400, color: "#111111", align: cell.bar === undefined ? (cell.align ?? "start") : "end" });
      offset += cell.width;
    }
    this.y += height;
  }

  rule() {
    this.doc.moveTo(margin, this.y).lineTo(margin + this.contentWidth, this.y).lineWidth(0.5).stroke("#999999");
    this.y += 8;
  }

  // A QR code drawn as squares (vector: sharp at any print size), at the start edge.
  qrCode(text: string, size = 96) {
    this.ensureSpace(size + 8);
    const modules = QRCode.create(text, qrOptions).modules;
    const cell = size / modules.size;
    const left = this.direction === "rtl" ? margin + this.contentWidth - size : margin;
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        if (modules.get(row, column)) this.doc.rect(left + column * cell, this.y + row * cell, cell, cell);
      }
    }
    this.doc.fill("#000000");
    this.y += size + 8;
  }

  // A QR code as a PNG of whole pixels per module with its quiet zone, centred: a poster's code is
  // one image that printers and readers (and tests) take as it is, and pdfkit draws it unsmoothed.
  async qrImage(text: string, size: number) {
    this.ensureSpace(size + 8);
    const png = await QRCode.toBuffer(text, { ...qrOptions, margin: 4, scale: 12 });
    this.doc.image(png, margin + (this.contentWidth - size) / 2, this.y, { width: size, height: size });
    this.y += size + 8;
  }

  // Draws on every page once all are drawn (needs bufferPages), below the flow's bottom margin.
  footer(draw: (page: number, pages: number, baseline: number) => void) {
    const range = this.doc.bufferedPageRange();
    for (let index = 0; index < range.count; index++) {
      this.doc.switchToPage(range.start + index);
      draw(index + 1, range.count, pageSize.height - margin / 2);
    }
  }
}
