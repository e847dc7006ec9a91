// Writes lib/maps/world-outlines.json: every country of Natural Earth's 1:110m outlines (from the
// world-atlas package) projected once, as SVG path data keyed by ISO 3166-1 alpha-2 code, the key
// signatures are stored under. Run by hand when the outline set changes: `npx tsx scripts/build-world-map.ts`.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json" with { type: "json" };

const width = 800;
// The share of the outline points dropped (the least visible first): the page stays light, small countries stay visible.
const droppedShare = 0.35;
// Antarctica holds no signers and would take a fifth of the map's height.
const left = new Set(["010"]);
// Outlines Natural Earth draws apart without a numeric code, shaded with the code a signer there chooses.
const unnumbered: Record<string, string> = { Kosovo: "XK", "N. Cyprus": "CY", Somaliland: "SO" };

type Atlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;
// Drops the least visible points (Visvalingam) along the shared borders, so neighbours still meet.
const presimplified = presimplify(atlas as unknown as Atlas);
const topology = simplify(presimplified, quantile(presimplified, droppedShare)) as Atlas;
const world = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
const shown = world.features.filter((country) => !left.has(String(country.id)));

const projection = geoEqualEarth().fitWidth(width, { type: "FeatureCollection", features: shown });
const [[, top], [, bottom]] = geoPath(projection).bounds({ type: "FeatureCollection", features: shown });
const height = Math.ceil(bottom - top);
projection.translate([projection.translate()[0], projection.translate()[1] - top]);

// Path data in relative steps between points rounded to a tenth of a unit; a step that rounds to nothing is left out.
function compactPath(country: (typeof shown)[number]): string {
  const tenth = (value: number) => Math.round(value * 10);
  const number = (value: number) => (value / 10).toString().replace(/^(-?)0\./, "$1.");
  const pair = (dx: number, dy: number) => `${number(dx)}${dy < 0 ? "" : ","}${number(dy)}`;
  let d = "";
  let x = 0;
  let y = 0;
  // After "M" a bare pair would be absolute: the first step of each ring names "l", the rest follow it.
  let firstStep = true;
  geoPath(projection, {
    beginPath() {},
    moveTo(px, py) {
      const [nx, ny] = [tenth(px), tenth(py)];
      d += `M${pair(nx, ny)}`;
      [x, y, firstStep] = [nx, ny, true];
    },
    lineTo(px, py) {
      const [nx, ny] = [tenth(px), tenth(py)];
      if (nx === x && ny === y) return;
      const step = pair(nx - x, ny - y);
      d += firstStep ? `l${step}` : step.startsWith("-") ? step : ` ${step}`;
      [x, y, firstStep] = [nx, ny, false];
    },
    closePath() {
      d += "z";
    },
    arc() {},
  })(country);
  return d;
}

const paths: Record<string, string> = {};
for (const country of shown) {
  const code = country.id === undefined ? unnumbered[country.properties.name] : countries.numericToAlpha2(String(country.id));
  if (!code) throw new Error(`No ISO 3166 code for ${country.properties.name}`);
  const d = compactPath(country);
  if (d) paths[code] = (paths[code] ?? "") + d;
}

const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
const target = path.join(import.meta.dirname, "..", "lib", "maps", "world-outlines.json");
writeFileSync(target, `${JSON.stringify({ source: "Natural Earth 1:110m (public domain), via world-atlas 2", width, height, paths: sorted })}\n`);
console.log(`${Object.keys(sorted).length} countries, ${width}×${height}, ${JSON.stringify(sorted).length} bytes of path data`);
