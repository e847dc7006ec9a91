import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../../lib/i18n/translator";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  // The catalogue is the files' namespaces spread together: a namespace in two files would lose
  // one file's messages without a word.
  it("defines each namespace in one file only", () => {
    for (const locale of ["en", "ar"]) {
      const dir = join(import.meta.dirname, "../../../lib/i18n/messages", locale);
      const seen = readdirSync(dir).flatMap((file) => Object.keys(JSON.parse(readFileSync(join(dir, file), "utf8"))).map((namespace) => `${namespace} in ${file}`));
      const names = seen.map((entry) => entry.split(" in ")[0]);
      expect(seen.filter((entry) => names.filter((name) => name === entry.split(" in ")[0]).length > 1), locale).toEqual([]);
    }
  });

  it("has every English message in Arabic and no Arabic message without an English one", () => {
    expect(keys(messages.ar).sort()).toEqual(keys(messages.en).sort());
  });

  it("has no empty message in either language", () => {
    for (const locale of ["en", "ar"] as const) {
      const empty = keys(messages[locale]).filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages[locale]);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });

  it("writes Arabic messages in Arabic script", () => {
    const arabic = /[\u0600-\u06FF]/;
    const notArabic = keys(messages.ar).filter((key) => {
      const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages.ar) as string;
      return !arabic.test(value) && !/^[A-Za-z]+$/.test(value);
    });
    expect(notArabic).toEqual([]);
  });
});
