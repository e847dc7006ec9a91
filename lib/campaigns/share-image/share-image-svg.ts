import type { GoalProgress } from "../goals";
import { formatNumber } from "../../i18n/format";
import { direction, type Locale } from "../../i18n/locales";
import { translator } from "../../i18n/translator";
import { shapeLine, wrapLines, type ShapedLine, type Weight } from "./text-paths";

export const shareImageSize = { width: 1200, height: 630 } as const;

const colours = { brand: "#0b5d3b", brandDark: "#063d27", ink: "#1b1f22", muted: "#4a5258", track: "#dfe3e5", paper: "#ffffff", band: "#f3f7f5" };
const margin = 72;

type Block = { lines: ShapedLine[]; size: number };

// One line placed on the start edge of the reader's language (right in Arabic).
function place(line: ShapedLine, baseline: number, rtl: boolean, fill: string, inset = 0): string {
  const x = rtl ? shareImageSize.width - margin - inset - line.width : margin + inset;
  return `<g transform="translate(${x.toFixed(2)} ${baseline.toFixed(2)})" fill="${fill}">${line.paths.join("")}</g>`;
}

// One line placed on the end edge of the reader's language (left in Arabic).
function placeEnd(line: ShapedLine, baseline: number, rtl: boolean, fill: string): string {
  const x = rtl ? margin : shareImageSize.width - margin - line.width;
  return `<g transform="translate(${x.toFixed(2)} ${baseline.toFixed(2)})" fill="${fill}">${line.paths.join("")}</g>`;
}

function text(value: string, size: number, weight: Weight, locale: Locale, maxWidth: number, maxLines = 1): Block {
  return { lines: wrapLines(value, { size, weight, direction: direction(locale), maxWidth, maxLines }), size };
}

// The campaign's share image as SVG: brand, title, the confirmed count and the bar toward the
// next goal rung, in the reader's language and direction.
// `title`: the campaign's title in the reader's language, or in the one it is written in (then set
// in that language's direction). `organisation`: the lead organisation's name in the reader's
// language, or in English (then set left to right) when it has none in Arabic.
type Text = { text: string; locale: Locale };
export function shareImageSvg(options: { locale: Locale; title: Text; progress: GoalProgress; host: string; organisation?: Text }): string {
  const { locale, progress } = options;
  const rtl = direction(locale) === "rtl";
  const layout = translator(locale, "Layout");
  const labels = translator(locale, "Progress");
  const width = shareImageSize.width - 2 * margin;
  const parts: string[] = [];

  parts.push(`<rect width="${shareImageSize.width}" height="${shareImageSize.height}" fill="${colours.paper}"/>`);
  parts.push(`<rect x="0" y="0" width="${shareImageSize.width}" height="14" fill="${colours.brand}"/>`);
  parts.push(`<rect x="0" y="${shareImageSize.height - 96}" width="${shareImageSize.width}" height="96" fill="${colours.band}"/>`);

  const brand = shapeLine(`${layout("brand")} · ${layout("brandMeaning")}`, { size: 30, weight: 600, direction: direction(locale) });
  parts.push(place(brand, 84, rtl, colours.brand));

  // The title: as large as fits in three lines.
  let title = text(options.title.text, 60, 600, options.title.locale, width, 3);
  if (title.lines.length === 3) title = text(options.title.text, 50, 600, options.title.locale, width, 3);
  const titleLineHeight = title.size * 1.3;
  title.lines.forEach((line, index) => parts.push(place(line, 168 + index * titleLineHeight, rtl, colours.ink)));

  // The count, then its label beside it on the same baseline.
  const countBaseline = 168 + (title.lines.length - 1) * titleLineHeight + 118;
  const count = shapeLine(formatNumber(progress.count, locale), { size: 84, weight: 600, direction: "ltr" });
  const countLabel = shapeLine(labels("signatures", { count: progress.count }), { size: 36, weight: 400, direction: direction(locale) });
  parts.push(place(count, countBaseline, rtl, colours.brandDark));
  parts.push(place(countLabel, countBaseline, rtl, colours.muted, count.width + 18));

  if (progress.goal !== null) {
    const barY = countBaseline + 34;
    const filled = Math.max(12, (width * progress.percent) / 100);
    parts.push(`<rect x="${margin}" y="${barY}" width="${width}" height="24" rx="12" fill="${colours.track}"/>`);
    parts.push(`<rect x="${rtl ? margin + width - filled : margin}" y="${barY}" width="${filled.toFixed(2)}" height="24" rx="12" fill="${colours.brand}"/>`);
    const goalText = progress.reachedAll ? labels("allGoalsReached") : labels("towardGoal", { percent: progress.percent, goal: formatNumber(progress.goal, locale) });
    parts.push(place(shapeLine(goalText, { size: 30, weight: 400, direction: direction(locale) }), barY + 66, rtl, colours.muted));
  }

  const host = shapeLine(options.host, { size: 28, weight: 600, direction: "ltr" });
  if (options.organisation?.text) {
    // The organisation on the start side of the band, the site's address on the end side.
    const room = width - host.width - 48;
    const [name] = wrapLines(options.organisation.text, { size: 28, weight: 600, direction: direction(options.organisation.locale), maxWidth: room, maxLines: 1 });
    if (name) parts.push(place(name, shareImageSize.height - 38, rtl, colours.ink));
    parts.push(placeEnd(host, shareImageSize.height - 38, rtl, colours.brandDark));
  } else {
    parts.push(place(host, shareImageSize.height - 38, rtl, colours.brandDark));
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${shareImageSize.width}" height="${shareImageSize.height}" viewBox="0 0 ${shareImageSize.width} ${shareImageSize.height}">${parts.join("")}</svg>`;
}
