import outlines from "./world-outlines.json";

// Lower bounds of the shades, one decade each, so a shade means the same on every campaign.
const shadeFloors = [1, 10, 100, 1000] as const;

// Fills of the shades, lightest first, in the brand's green; countries without a signer stay neutral.
const neutralFill = "#e2e5e7";
const shadeFills = ["#c5e1d0", "#7fbb98", "#2f8457", "#0b4a2f"] as const;

export type CountryCount = { country: string; count: number };
export type MapShade = { shade: number; from: number; to: number | null; fill: string };

// 0 for no signer, else 1..4 by decade.
/** @internal exported for its tests */
export function shadeOf(count: number): number {
  return shadeFloors.filter((floor) => count >= floor).length;
}

// The legend's rows: each shade's range (`to` null for the last, open one) and its fill.
export function mapShades(): MapShade[] {
  return shadeFloors.map((from, index) => ({ shade: index + 1, from, to: index + 1 < shadeFloors.length ? shadeFloors[index + 1]! - 1 : null, fill: shadeFills[index]! }));
}

export const neutralMapFill = neutralFill;

const paths: Record<string, string> = outlines.paths;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// The world with each country shaded by its count, as an SVG document. The outlines were projected
// once (scripts/build-world-map.ts); a code the outline set does not draw is left out. Given a label,
// the SVG names itself as an image; without one it stands beside a table that gives the figures.
// Nothing in it depends on the reading direction: a map is never mirrored.
export function worldMapSvg(options: { counts: CountryCount[]; label?: string }): string {
  const shades = new Map(options.counts.map((row) => [row.country, shadeOf(row.count)]));
  const style =
    `.world-map path{fill:${neutralFill};stroke:#fff;stroke-width:.4;stroke-linejoin:round}` +
    shadeFills.map((fill, index) => `.world-map .s${index + 1}{fill:${fill}}`).join("");
  const named = options.label ? ` role="img" aria-label="${escapeXml(options.label)}"` : ` aria-hidden="true"`;
  const body = Object.entries(paths)
    .map(([country, d]) => {
      const shade = shades.get(country) ?? 0;
      return `<path data-country="${country}"${shade > 0 ? ` class="s${shade}"` : ""} d="${d}"/>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="0 0 ${outlines.width} ${outlines.height}"${named}><style>${style}</style>${body}</svg>`;
}

export const worldMapSize = { width: outlines.width, height: outlines.height } as const;
