import { isolate } from "../i18n/isolate";
import { paragraphIn, PdfWriter } from "../delivery-pack/pdf-writer";
import { formatNumber } from "../i18n/format";
import { direction, localized } from "../i18n/locales";
import { translator } from "../i18n/translator";
import { joinNames } from "../statements/authors";
import type { MaterialContent } from "./paper-materials";
import { finished } from "./pdf-bytes";

type Column = { label: string; note?: string; width: number; tick?: boolean; number?: boolean };

const rowHeight = 27;
// Fewer rows than this under the campaign's text, and the table starts on a page of its own.
const fewestRows = 8;

// One sign sheet: the campaign and its demands, what happens to the data, then ruled rows to the
// foot of the page. The columns carry the names the paper entry reads back (lib/paper/paper-csv.ts),
// so a sheet typed into a spreadsheet has its header row already.
export async function renderSignSheet(content: MaterialContent): Promise<Uint8Array> {
  const { locale } = content;
  const t = translator(locale, "PaperMaterials");
  const title = localized(locale, content.title, content.primaryLocale);
  const writer = new PdfWriter({ direction: direction(locale), title: t("pdf.sheetTitle", { title: title.text }), bufferPages: true });
  const organisations = content.organisations.map((name) => localized(locale, name).text);

  writer.paragraph(t("pdf.organisedBy", { organisations: joinNames(organisations, locale) }), { size: 9, color: "#444444", gapAfter: 2 });
  writer.paragraph(title.text, { size: 16, weight: 600, gapAfter: 4, ...paragraphIn(title.locale, locale) });
  if (content.demands.length > 0) {
    writer.paragraph(t("pdf.demandsIntro"), { size: 10, weight: 600, gapAfter: 1 });
    content.demands.forEach((demand, index) => {
      // Numbered in the sheet's language; a demand in another is set apart in its own direction.
      const text = localized(locale, demand, content.primaryLocale);
      const line = `${formatNumber(index + 1, locale)}. ${text.locale === locale ? text.text : isolate(text.text)}`;
      writer.paragraph(line, { size: 10, gapAfter: 1, indent: 8, lang: text.locale === locale ? undefined : text.locale });
    });
  } else {
    const summary = localized(locale, content.summary, content.primaryLocale);
    writer.paragraph(summary.text, { size: 10, ...paragraphIn(summary.locale, locale) });
  }
  writer.y += 4;
  writer.paragraph(t("pdf.privacy", { months: content.retentionMonths }), { size: 8, color: "#333333", gapAfter: 8 });

  const width = writer.contentWidth;
  const share = (part: number) => part * width;
  const columns: Column[] = [
    { label: t("pdf.number"), width: share(0.05), number: true },
    { label: t("pdf.name"), width: share(0.22) },
    { label: t("pdf.country"), width: share(0.13) },
    { label: t("pdf.postcode"), note: t("pdf.optional"), width: share(0.11) },
    { label: t("pdf.email"), note: t("pdf.optional"), width: share(0.21) },
    { label: t("pdf.informed", { organisation: organisations[0] ?? "" }), width: share(0.11), tick: true },
    { label: t("pdf.signature"), width: share(0.17) },
  ];
  table(writer, columns, locale);

  writer.footer((page, pages, baseline) => {
    const text = t("pdf.footer", { page: formatNumber(page, locale), pages: formatNumber(pages, locale), url: content.campaignUrl });
    writer.drawLine(text, { x: writer.startX(0, width), width, y: baseline, size: 8, weight: 400, color: "#444444", align: "centre" });
  });
  return finished(writer.doc);
}

// The header row, each heading wrapped in its own cell, then empty ruled rows to the page's foot.
function table(writer: PdfWriter, columns: Column[], locale: MaterialContent["locale"]) {
  const labelSize = 8.5;
  const noteSize = 7;
  const lines = columns.map((column) => writer.wrap(column.label, { size: column.tick ? noteSize : labelSize, weight: 600 }, column.width - 6));
  const headerHeight = Math.max(...columns.map((column, index) => lines[index]!.length * (column.tick ? noteSize : labelSize) * 1.3 + (column.note ? noteSize * 1.4 : 0))) + 8;
  const rowsLeft = () => Math.floor((writer.bottom - writer.y - headerHeight) / rowHeight);
  if (rowsLeft() < fewestRows) writer.newPage();
  const rows = rowsLeft();
  const top = writer.y;
  const doc = writer.doc;

  doc.rect(writer.startX(0, writer.contentWidth), top, writer.contentWidth, headerHeight).fill("#f1f1ee");
  let offset = 0;
  columns.forEach((column, index) => {
    const x = writer.startX(offset, column.width);
    const size = column.tick ? noteSize : labelSize;
    let baseline = top + 4 + size;
    for (const line of lines[index]!) {
      writer.drawLine(line, { x: x + 3, width: column.width - 6, y: baseline, size, weight: 600, color: "#111111", align: column.tick || column.number ? "centre" : "start" });
      baseline += size * 1.3;
    }
    if (column.note) writer.drawLine(column.note, { x: x + 3, width: column.width - 6, y: baseline + 1, size: noteSize, weight: 400, color: "#555555", align: "start" });
    offset += column.width;
  });

  const bodyTop = top + headerHeight;
  for (let row = 0; row < rows; row++) {
    const y = bodyTop + row * rowHeight;
    offset = 0;
    for (const column of columns) {
      const x = writer.startX(offset, column.width);
      if (column.number) writer.drawLine(formatNumber(row + 1, locale), { x, width: column.width, y: y + rowHeight * 0.62, size: 8, weight: 400, color: "#777777", align: "centre" });
      if (column.tick) doc.rect(x + column.width / 2 - 6, y + rowHeight / 2 - 6, 12, 12).lineWidth(0.8).stroke("#333333");
      offset += column.width;
    }
  }

  // The grid: a rule under every row, a line between the columns.
  const left = writer.startX(0, writer.contentWidth);
  const bottom = bodyTop + rows * rowHeight;
  doc.lineWidth(0.6).strokeColor("#555555");
  doc.rect(left, top, writer.contentWidth, bottom - top).stroke();
  for (let row = 0; row < rows; row++) doc.moveTo(left, bodyTop + row * rowHeight).lineTo(left + writer.contentWidth, bodyTop + row * rowHeight).stroke();
  offset = 0;
  for (const column of columns.slice(0, -1)) {
    offset += column.width;
    const x = writer.direction === "rtl" ? left + writer.contentWidth - offset : left + offset;
    doc.moveTo(x, top).lineTo(x, bottom).stroke();
  }
  writer.y = bottom;
}
