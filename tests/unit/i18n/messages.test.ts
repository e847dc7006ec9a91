import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { locales } from "../../../lib/i18n/locales";
import { messages } from "../../../lib/i18n/translator";
import { messageLeaves } from "../../fixtures/message-leaves";

function walk(elements: MessageFormatElement[], visit: (element: MessageFormatElement) => void): void {
  for (const element of elements) {
    visit(element);
    if (element.type === TYPE.tag) walk(element.children, visit);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value, visit);
  }
}

// A count and the same count written out for the reader (`total` and `totalCount`, `count` and
// `countText`) are one value: a language may choose with the one and show the other.
const value = (name: string) => name.replace(/(Count|Text)$/, "");

// The values a message shows, and those it only chooses a form by (a plural's or select's own).
function variables(message: string): { shown: Set<string>; chosenBy: Set<string> } {
  const shown = new Set<string>();
  const chosenBy = new Set<string>();
  walk(parse(message), (element) => {
    // A plural's "#" shows the number it chooses by.
    if (element.type === TYPE.plural && Object.values(element.options).some((option) => option.value.some((part) => part.type === TYPE.pound))) shown.add(value(element.value));
    if (element.type === TYPE.plural || element.type === TYPE.select) chosenBy.add(value(element.value));
    else if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) shown.add(value(element.value));
    else if (element.type === TYPE.tag) shown.add(`<${element.value}>`);
  });
  return { shown, chosenBy };
}

// The plural categories a language's grammar distinguishes (CLDR, as ICU applies them), each with
// the one number it stands for when it stands for one only (Arabic's zero, one and two): an
// explicit "=0" serves as "zero" there.
function pluralCategories(locale: string): { category: string; only?: number }[] {
  const rules = new Intl.PluralRules(locale);
  return rules.resolvedOptions().pluralCategories.map((category) => {
    const numbers = Array.from({ length: 1001 }, (_, n) => n).filter((n) => rules.select(n) === category);
    return { category, only: numbers.length === 1 ? numbers[0] : undefined };
  });
}

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  // The catalogue is the files' namespaces spread together: a namespace in two files would lose
  // one file's messages without a word.
  it("defines each namespace in one file only", () => {
    for (const locale of locales) {
      const dir = join(import.meta.dirname, "../../../lib/i18n/messages", locale);
      const seen = readdirSync(dir).filter((file) => file.endsWith(".json")).flatMap((file) => Object.keys(JSON.parse(readFileSync(join(dir, file), "utf8"))).map((namespace) => `${namespace} in ${file}`));
      const names = seen.map((entry) => entry.split(" in ")[0]);
      expect(seen.filter((entry) => names.filter((name) => name === entry.split(" in ")[0]).length > 1), locale).toEqual([]);
    }
  });

  it("has every English message in every language, in the same files, and no message without an English one", () => {
    const english = join(import.meta.dirname, "../../../lib/i18n/messages", "en");
    for (const locale of locales) {
      expect(keys(messages[locale]).sort(), locale).toEqual(keys(messages.en).sort());
      const dir = join(import.meta.dirname, "../../../lib/i18n/messages", locale);
      expect(readdirSync(dir).sort(), locale).toEqual(readdirSync(english).sort());
    }
  });

  it("has no empty message in any language", () => {
    for (const locale of locales) {
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

  it("uses in every language the values the English message uses, and no others", () => {
    const english = new Map(messageLeaves(messages.en));
    const problems: string[] = [];
    for (const locale of locales.filter((one) => one !== "en")) {
      for (const [key, message] of messageLeaves(messages[locale])) {
        const theirs = variables(english.get(key)!);
        const ours = variables(message);
        const known = new Set([...theirs.shown, ...theirs.chosenBy]);
        const unknown = [...ours.shown, ...ours.chosenBy].filter((name) => !known.has(name));
        // A value English shows is shown in every language (one it only chooses by may not be).
        const dropped = [...theirs.shown].filter((name) => !ours.shown.has(name));
        if (unknown.length || dropped.length) problems.push(`${locale} ${key}: ${unknown.length ? `unknown ${unknown.join(", ")}` : ""}${dropped.length ? ` missing ${dropped.join(", ")}` : ""}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every plural the forms its language's grammar asks for (six in Arabic)", () => {
    const problems: string[] = [];
    for (const locale of locales) {
      const needed = pluralCategories(locale);
      for (const [key, message] of messageLeaves(messages[locale])) {
        walk(parse(message), (element) => {
          if (element.type !== TYPE.plural || element.pluralType === "ordinal") return;
          const has = Object.keys(element.options);
          const missing = needed.filter(({ category, only }) => !has.includes(category) && !(only !== undefined && has.includes(`=${only}`))).map(({ category }) => category);
          if (missing.length) problems.push(`${locale} ${key}: {${element.value}} lacks ${missing.join(", ")}`);
        });
      }
    }
    expect(problems).toEqual([]);
  });
});

