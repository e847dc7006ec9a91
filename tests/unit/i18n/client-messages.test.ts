import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessages, letterClientNamespaces, organiserClientNamespaces, publicClientNamespaces } from "../../../lib/i18n/client-messages";
import { messages } from "../../../lib/i18n/translator";

const root = join(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Every namespace a browser-side component translates with, by the file that uses it.
function browserNamespaces(): { file: string; namespace: string }[] {
  return sourceFiles(join(root, "app")).flatMap((path) => {
    const source = readFileSync(path, "utf8");
    if (!/^["']use client["']/m.test(source)) return [];
    return [...source.matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)].map((match) => ({ file: relative(root, path), namespace: match[1] ?? "" }));
  });
}

describe("messages sent to the browser", () => {
  it("include every namespace a browser-side component translates with, in its part of the site", () => {
    const uses = browserNamespaces();
    expect(uses.length).toBeGreaterThan(10);
    const missing = uses.filter(({ file, namespace }) => {
      const sent: readonly string[] = file.includes("/organiser/") ? organiserClientNamespaces : file.includes("/write/") ? letterClientNamespaces : publicClientNamespaces;
      return !sent.includes(namespace);
    });
    expect(missing).toEqual([]);
  });

  it("are a small part of the catalogue on public pages", () => {
    const sent = JSON.stringify(clientMessages("ar", publicClientNamespaces)).length;
    const all = JSON.stringify(messages.ar).length;
    expect(sent).toBeLessThan(all / 4);
    expect(Object.keys(clientMessages("en", publicClientNamespaces)).sort()).toEqual([...publicClientNamespaces].sort());
  });
});
