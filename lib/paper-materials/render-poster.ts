import { paragraphIn, PdfWriter } from "../delivery-pack/pdf-writer";
import { direction, localized } from "../i18n/locales";
import { translator } from "../i18n/translator";
import { joinNames } from "../statements/authors";
import type { MaterialContent } from "./paper-materials";
import { finished } from "./pdf-bytes";

// The first sentence of a summary: a poster is read in passing.
function firstSentence(text: string): string {
  return text.trim().split(/(?<=[.!?؟])\s+/)[0] ?? "";
}

// A poster or flyer: the title, one sentence, a QR code that opens the campaign's page (tagged as
// from a poster), and the short address under it for a phone that cannot scan.
export async function renderPoster(content: MaterialContent): Promise<Uint8Array> {
  const { locale } = content;
  const t = translator(locale, "PaperMaterials");
  const title = localized(locale, content.title, content.primaryLocale);
  const summary = localized(locale, content.summary, content.primaryLocale);
  const writer = new PdfWriter({ direction: direction(locale), title: t("pdf.posterTitle", { title: title.text }) });
  const organisations = content.organisations.map((name) => localized(locale, name).text);

  writer.paragraph(t("pdf.organisedBy", { organisations: joinNames(organisations, locale) }), { size: 11, color: "#444444", align: "centre", gapAfter: 18 });
  writer.paragraph(title.text, { size: 28, weight: 600, align: "centre", gapAfter: 14, ...paragraphIn(title.locale, locale) });
  writer.paragraph(firstSentence(summary.text), { size: 15, align: "centre", gapAfter: 24, ...paragraphIn(summary.locale, locale) });
  await writer.qrImage(content.qrUrl, 300);
  writer.paragraph(t("pdf.scan"), { size: 18, weight: 600, align: "centre", gapAfter: 14 });
  writer.paragraph(t("pdf.orType"), { size: 12, color: "#444444", align: "centre", gapAfter: 4 });
  // An address reads left to right in either language, on one line: a long host gets smaller type.
  const size = Math.min(26, (26 * writer.contentWidth) / writer.measure(content.shortUrl, { size: 26, weight: 600, bidi: "ltr" }));
  writer.y += size;
  writer.drawLine(content.shortUrl, { x: writer.startX(0, writer.contentWidth), width: writer.contentWidth, y: writer.y, size, weight: 600, color: "#111111", align: "centre", bidi: "ltr" });
  return finished(writer.doc);
}
