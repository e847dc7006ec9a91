import { countryName } from "../countries";
import { db } from "../db";
import type { CountSnapshot } from "../digests/count-snapshot";
import { formatDate, formatNumber, formatUtcMoment } from "../i18n/format";
import { direction, localized, type Locale } from "../i18n/locales";
import type { Translations } from "../i18n/translations";
import { translator } from "../i18n/translator";
import { firstName } from "../privacy/public-signers";
import { openSignatures } from "../sealing/signer-data";
import { apiUrl, publicUrl } from "../public-urls";
import { joinNames } from "../statements/authors";
import type { StatementFacts } from "../statements/statement-facts";
import { isolate } from "../i18n/isolate";
import { PdfWriter, type Cell } from "./pdf-writer";

export type PackContent = {
  locale: Locale;
  // The campaign's texts fall back to its own language where the pack's is missing.
  campaign: { id: string; slug: string; title: Translations; primaryLocale: Locale };
  // Names, titles and institutions in the languages the directory and profiles give them in.
  organisations: Translations[];
  recipients: { name: Translations; title: Translations; institution: Translations }[];
  all: boolean;
  demands: { text: Translations; sourceQuote: string | null; statement: StatementFacts | null }[];
  snapshot: CountSnapshot;
  countries: { country: string; online: number; paper: number }[];
  includeNames: boolean;
};

// Names are read this many at a time, and drawing waits while this many bytes wait to be read:
// memory stays bounded however many signers chose to be listed.
const namePage = 1_000;
const bufferedBytes = 1 << 20;

type Ts = ReturnType<typeof translator<"DeliveryPack">>;

// The PDF as a stream: drawn while the response is read, so a pack with 100,000 names never sits
// whole in memory. Drawing waits while the reader is behind by more than `bufferedBytes`, and
// stops when the reader goes away.
export function renderDeliveryPack(content: PackContent, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const t = translator(content.locale, "DeliveryPack");
  const title = localized(content.locale, content.campaign.title, content.campaign.primaryLocale).text;
  const writer = new PdfWriter({ direction: direction(content.locale), title: t("pdf.subject", { title }) });
  const flow: Flow = { closed: false, wake: null, controller: null };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        flow.controller = controller;
        writer.doc.on("data", (chunk: Buffer) => {
          if (!flow.closed) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        });
        writer.doc.on("end", () => {
          if (!flow.closed) controller.close();
          flow.closed = true;
        });
      },
      pull() {
        flow.wake?.();
      },
      cancel() {
        flow.closed = true;
        flow.wake?.();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: bufferedBytes }),
  );
  void (async () => {
    try {
      coverLetter(writer, content, t);
      countPage(writer, content, t);
      comments(writer, content, t);
      if (content.includeNames) await names(writer, content, t, flow, signal);
      writer.doc.end();
    } catch (error) {
      if (!flow.closed) flow.controller?.error(error);
      flow.closed = true;
    }
  })();
  return stream;
}

type Flow = { closed: boolean; wake: (() => void) | null; controller: ReadableStreamDefaultController<Uint8Array> | null };

// Quotation marks as each language writes them.
function quoted(text: string, locale: Locale): string {
  return locale === "ar" ? `«${text}»` : `“${text}”`;
}

function coverLetter(writer: PdfWriter, content: PackContent, t: Ts) {
  const { locale, snapshot } = content;
  // Names and titles put into a sentence are set apart from it (isolated), so that a Latin name
  // in an Arabic sentence does not carry the numbers or punctuation after it into its own run.
  const title = isolate(localized(locale, content.campaign.title, content.campaign.primaryLocale).text);
  const organisations = content.organisations.map((name) => isolate(localized(locale, name).text));
  writer.paragraph(joinNames(organisations, locale), { size: 12, weight: 600, gapAfter: 2 });
  writer.paragraph(formatDate(snapshot.countedAt, locale), { color: "#444444", gapAfter: 14 });
  writer.paragraph(content.all ? t("pdf.toAll") : t("pdf.to"), { weight: 600, gapAfter: 2 });
  for (const person of content.recipients) {
    const comma = locale === "ar" ? "، " : ", ";
    writer.paragraph([localized(locale, person.name).text, localized(locale, person.title).text, localized(locale, person.institution).text].filter(Boolean).map(isolate).join(comma), { gapAfter: 2 });
  }
  writer.y += 10;
  writer.heading(t("pdf.subject", { title }), 14);
  const paper = total(content, "paper");
  const online = snapshot.total;
  const moment = formatUtcMoment(snapshot.countedAt, locale);
  const all = online + paper;
  const counts = { moment, count: all, countText: formatNumber(all, locale) };
  // With paper signatures, the total says how many of each, as the campaign page does.
  const breakdown = paper > 0 ? translator(locale, "PaperCount")("breakdown", { online: formatNumber(online, locale), paper: formatNumber(paper, locale) }) : null;
  writer.paragraph(`${t("pdf.handOver", { title })} ${breakdown ? t("pdf.openingPaper", { ...counts, breakdown }) : t("pdf.opening", counts)}`);
  if (content.demands.length > 0) {
    writer.paragraph(t("pdf.demandsIntro"), { weight: 600, gapAfter: 4 });
    content.demands.forEach((demand, index) => {
      // A demand not written in the pack's language is in the campaign's, set apart in its own direction.
      const text = localized(locale, demand.text, content.campaign.primaryLocale);
      writer.paragraph(`${formatNumber(index + 1, locale)}. ${text.locale === locale ? text.text : isolate(text.text)}`, { gapAfter: 2, indent: 8, lang: text.locale === locale ? undefined : text.locale });
      // The quote is in the statement's own language, whichever the pack is in.
      if (demand.sourceQuote) writer.paragraph(quoted(demand.sourceQuote, demand.statement?.language ?? locale), { size: 9.5, color: "#444444", gapAfter: 2, indent: 20, auto: true });
      if (demand.statement) {
        const authors = joinNames(demand.statement.authors.map((author) => isolate(localized(locale, author).text)), locale);
        writer.paragraph(t("pdf.source", { title: isolate(localized(locale, demand.statement.title).text), authors, date: formatDate(demand.statement.publishedOn, locale, demand.statement.datePrecision) }), { size: 9, color: "#555555", indent: 20 });
      } else {
        writer.y += 4;
      }
    });
  }
  writer.paragraph(t("pdf.closing"), { gapAfter: 14 });
  writer.paragraph(t("pdf.signedBy", { organisations: joinNames(organisations, locale) }), { weight: 600 });
}

function countPage(writer: PdfWriter, content: PackContent, t: Ts) {
  const { locale, snapshot } = content;
  writer.newPage();
  writer.heading(t("pdf.countHeading"));
  writer.paragraph(t("pdf.countLine", { countText: formatNumber(snapshot.total, locale), moment: formatUtcMoment(snapshot.countedAt, locale) }), { weight: 600, gapAfter: 4 });
  // The paper count beside its fingerprint is the one the fingerprint was computed over.
  const paper = snapshot.paper.total;
  if (paper > 0) writer.paragraph(t("pdf.paperLine", { countText: formatNumber(paper, locale) }), { gapAfter: 4 });
  writer.paragraph(t("pdf.fingerprintLabel"), { gapAfter: 2 });
  writer.paragraph(snapshot.fingerprint, { size: 9.5, weight: 600, gapAfter: 8 });
  if (paper > 0) {
    writer.paragraph(t("pdf.paperFingerprintLabel"), { gapAfter: 2 });
    writer.paragraph(snapshot.paper.fingerprint, { size: 9.5, weight: 600, gapAfter: 8 });
  }
  writer.paragraph(t("pdf.howToCheck"), { size: 9.5, color: "#333333", gapAfter: 8 });
  const record = publicUrl.campaign(locale, content.campaign.slug);
  writer.paragraph(t("pdf.recordLabel"), { gapAfter: 2 });
  writer.paragraph(record, { size: 9.5, gapAfter: 4 });
  writer.qrCode(record);
  writer.paragraph(t("pdf.dataLabel"), { size: 9, gapAfter: 2 });
  writer.paragraph(apiUrl.deliveries(content.campaign.slug), { size: 9, gapAfter: 8 });

  writer.heading(t("pdf.countriesHeading"));
  if (content.countries.length === 0) {
    writer.paragraph(t("pdf.noCountries"));
    return;
  }
  // A bar per country beside its numbers: the share of all signatures, longest for the most signed.
  const width = writer.contentWidth;
  const columns = [0.34, 0.14, 0.14, 0.14, 0.24].map((share) => share * width);
  const grand = total(content, "online") + total(content, "paper");
  const most = Math.max(...content.countries.map((row) => row.online + row.paper));
  const header: Cell[] = [
    { text: t("pdf.country"), width: columns[0]!, weight: 600 },
    { text: t("pdf.online"), width: columns[1]!, weight: 600, align: "end" },
    { text: t("pdf.paper"), width: columns[2]!, weight: 600, align: "end" },
    { text: t("pdf.total"), width: columns[3]!, weight: 600, align: "end" },
    { text: t("pdf.share"), width: columns[4]!, weight: 600 },
  ];
  writer.row(header, { shade: true });
  for (const row of content.countries) {
    const sum = row.online + row.paper;
    writer.row([
      { text: countryName(row.country, locale), width: columns[0]! },
      { text: formatNumber(row.online, locale), width: columns[1]!, align: "end" },
      { text: formatNumber(row.paper, locale), width: columns[2]!, align: "end" },
      { text: formatNumber(sum, locale), width: columns[3]!, align: "end" },
      { text: `${Math.round((sum / grand) * 100)}%`, width: columns[4]!, bar: most > 0 ? sum / most : 0 },
    ]);
  }
}

function comments(writer: PdfWriter, content: PackContent, t: Ts) {
  const { locale } = content;
  writer.heading(t("pdf.commentsHeading"));
  writer.paragraph(t("pdf.commentsIntro"), { size: 9.5, color: "#444444" });
  if (content.snapshot.comments.length === 0) writer.paragraph(t("pdf.noComments"));
  for (const comment of content.snapshot.comments) {
    writer.paragraph(quoted(comment.text, ownLanguage(comment.text)), { gapAfter: 1, auto: true });
    writer.paragraph(`— ${countryName(comment.country, locale)}`, { size: 9, color: "#555555", gapAfter: 8 });
  }
}

// Only signers who chose the public list, first name and country, three to a row; read by id in
// pages (a cursor), never all at once, and only those counted in this pack.
async function names(writer: PdfWriter, content: PackContent, t: Ts, flow: Flow, signal?: AbortSignal) {
  const { locale, snapshot } = content;
  writer.newPage();
  writer.heading(t("pdf.namesHeading"));
  writer.paragraph(t("pdf.namesIntro"), { size: 9.5, color: "#444444" });
  const third = writer.contentWidth / 3;
  let after: string | undefined;
  let listed = 0;
  for (;;) {
    if (signal?.aborted || flow.closed) return;
    const rows = await db.signature.findMany({
      where: { campaignId: content.campaign.id, state: "CONFIRMED", showPublicly: true, anonymisedAt: null, confirmedAt: { lte: snapshot.countedAt }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: namePage,
      select: { id: true, name: true, country: true },
    });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const cells = (await openSignatures(rows)).flatMap((row) => {
      const name = firstName(row.name);
      return name ? [{ text: `${name} (${countryName(row.country, locale)})`, width: third }] : [];
    });
    for (let index = 0; index < cells.length; index += 3) writer.row(cells.slice(index, index + 3), { size: 9 });
    listed += cells.length;
    await drained(flow);
  }
  if (listed === 0) writer.paragraph(t("pdf.noNames"));
}

// Waits while the reader is behind, so the drawn pages do not pile up in memory.
async function drained(flow: Flow) {
  while (!flow.closed && (flow.controller?.desiredSize ?? 1) <= 0) {
    await new Promise<void>((resolve) => (flow.wake = resolve));
    flow.wake = null;
  }
}

function ownLanguage(text: string): Locale {
  return /[\u0600-\u06FF]/.test(text) ? "ar" : "en";
}

function total(content: PackContent, kind: "online" | "paper"): number {
  return content.countries.reduce((sum, row) => sum + row[kind], 0);
}
