import { describe, expect, it } from "vitest";
import { mapShades, shadeOf, worldMapSvg } from "../../../lib/maps/world-map";

// The path of one country in the SVG, by the code signatures are stored under.
function countryPath(svg: string, code: string): string | undefined {
  return new RegExp(`<path data-country="${code}"[^>]*/>`).exec(svg)?.[0];
}

function shadeClass(svg: string, code: string): string | null {
  const path = countryPath(svg, code);
  if (!path) throw new Error(`${code} is not drawn`);
  return /class="([^"]+)"/.exec(path)?.[1] ?? null;
}

// Everything that draws: the frame and every country's outline, without labels.
function geometry(svg: string): string[] {
  return [/viewBox="[^"]+"/.exec(svg)![0], ...[...svg.matchAll(/<path data-country="[A-Z]+"[^>]*d="[^"]+"\/>/g)].map((match) => match[0])];
}

describe("the world map of signatures", () => {
  it("shades a country by its decade of signatures, and leaves countries without one neutral", () => {
    const svg = worldMapSvg({ counts: [{ country: "SY", count: 1200 }, { country: "TR", count: 45 }, { country: "DE", count: 3 }, { country: "LB", count: 100 }] });
    expect(shadeClass(svg, "SY")).toBe("s4");
    expect(shadeClass(svg, "LB")).toBe("s3");
    expect(shadeClass(svg, "TR")).toBe("s2");
    expect(shadeClass(svg, "DE")).toBe("s1");
    expect(shadeClass(svg, "FR")).toBeNull();
    expect(svg).toMatch(/\.world-map \.s4\{fill:#[0-9a-f]{6}\}/);
  });

  it("gives the legend the same steps the shading uses", () => {
    for (const shade of mapShades()) {
      expect(shadeOf(shade.from)).toBe(shade.shade);
      if (shade.to !== null) expect(shadeOf(shade.to)).toBe(shade.shade);
    }
    expect(shadeOf(0)).toBe(0);
  });

  it("ignores a code the outlines do not draw", () => {
    const plain = worldMapSvg({ counts: [] });
    const withUnknown = worldMapSvg({ counts: [{ country: "ZZ", count: 50 }, { country: "MT", count: 7 }] });
    expect(withUnknown).toBe(plain);
  });

  it("draws the same geometry in Arabic and English, named in each language", () => {
    const counts = [{ country: "SY", count: 12 }];
    const arabic = worldMapSvg({ counts, label: "خريطة التواقيع" });
    const english = worldMapSvg({ counts, label: "Map of signatures" });
    expect(geometry(arabic)).toEqual(geometry(english));
    expect(geometry(arabic).length).toBeGreaterThan(150);
    expect(arabic).toContain('role="img" aria-label="خريطة التواقيع"');
    expect(arabic).not.toMatch(/transform|scale\(-1|direction/);
  });

  it("stands beside its table as decoration when it has no label", () => {
    expect(worldMapSvg({ counts: [] })).toMatch(/^<svg [^>]*aria-hidden="true"/);
  });

  it("stays small", () => {
    expect(Buffer.byteLength(worldMapSvg({ counts: [{ country: "SY", count: 5 }] }))).toBeLessThan(40_000);
  });
});
