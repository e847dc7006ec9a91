// Steps shared by the journeys of sharing, embedding and reading Nida in Arabic.
import { createServer, type Server } from "node:http";
import { expect, type Page } from "@playwright/test";

/**
 * Latin-script words in what the reader sees or hears on the page: visible text, and the
 * accessible names and placeholders of controls. Content marked as being in another language
 * (lang="en": a quote in its original language, the switch to English) is left out, as is what
 * fields hold (what the reader typed, a code snippet to copy), and e-mail addresses, web
 * addresses, paths and host names, which are written in Latin letters in Arabic too.
 */
export async function latinWordsShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const inOtherLanguage = (element: Element) => {
      const lang = element.closest("[lang]")?.getAttribute("lang") ?? "";
      return lang !== "" && !lang.startsWith("ar");
    };
    const collect = (text: string) => {
      const cleaned = text.replace(/\S+@\S+|https?:\/\/\S+|(^|\s)\/\S+|\b[\w-]+(\.[\w-]+)+\b(\/\S*)?/g, " ");
      found.push(...(cleaned.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []));
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest("script, style, noscript, template, textarea")) continue;
      if (inOtherLanguage(element) || !element.checkVisibility()) continue;
      collect(node.textContent ?? "");
    }
    for (const element of document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
      if (inOtherLanguage(element) || !element.checkVisibility()) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) collect(element.getAttribute(name) ?? "");
    }
    return found;
  });
}

/** The page reads in Arabic, right to left, with no Latin words but the allowed proper names. */
export async function expectArabicPage(page: Page, allowed: readonly string[] = []): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const words = (await latinWordsShown(page)).filter((word) => !allowed.includes(word));
  expect(words, `Latin words on ${page.url()}`).toEqual([]);
}

/** A partner's web site on its own local port, with one page that frames `src`. */
export async function startPartnerSite(src: string): Promise<{ url: string; close: () => Promise<void> }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner site</title></head>
<body><main><h1>A partner's page</h1><iframe src="${src}" title="Petition" width="100%" height="1400" style="border:0"></iframe></main></body></html>`;
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  });
  // Port 0: the kernel picks a free one.
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("partner site has no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Width and height from a PNG's header; throws if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.subarray(12, 16).toString("ascii") !== "IHDR") throw new Error("not a PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
