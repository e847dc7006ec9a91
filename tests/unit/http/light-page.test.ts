import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressFor, lightenPage, wantsLightPage } from "../../../lib/http/light-page.js";
import type { IncomingMessage } from "node:http";

const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage;

describe("the light campaign page", () => {
  it("is what a browser gets when it loads a campaign page, or posts its form without a script", () => {
    for (const locale of ["en", "ar", "tr", "ku", "fr", "de"]) expect(wantsLightPage(request("GET", `/${locale}/campaigns/ceasefire-idlib-now`)), locale).toBe(true);
    expect(wantsLightPage(request("GET", "/ar/campaigns/ceasefire-idlib-now?s=whatsapp"))).toBe(true);
    expect(wantsLightPage(request("HEAD", "/en/campaigns/x"))).toBe(true);
    expect(wantsLightPage(request("POST", "/en/campaigns/x", { "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
  });

  it("is not what Next.js's client asks for, nor any other page", () => {
    expect(wantsLightPage(request("GET", "/en/campaigns/x", { rsc: "1" }))).toBe(false);
    expect(wantsLightPage(request("GET", "/en/campaigns/x?_rsc=abc"))).toBe(false);
    expect(wantsLightPage(request("GET", "/en/campaigns/x", { "next-router-prefetch": "1" }))).toBe(false);
    expect(wantsLightPage(request("POST", "/en/campaigns/x", { "next-action": "abc" }))).toBe(false);
    for (const path of ["/en", "/en/campaigns/x/signed", "/en/campaigns/x/thanks", "/embed/en/x", "/fa/campaigns/x", "/en/organiser/campaigns/x", "/api/campaigns/x/count"]) expect(wantsLightPage(request("GET", path)), path).toBe(false);
    expect(wantsLightPage(request("OPTIONS", "/en/campaigns/x"))).toBe(false);
  });

  it("leaves out every script of Next.js's and their hints, keeps structured data, and names the light script", () => {
    const html = [
      '<html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
      '<script src="/_next/static/chunks/c.js" async=""></script><script type="application/ld+json">{"@type":"Petition"}</script></head>',
      '<body><h1>Stop the attacks</h1><script id="_R_">(globalThis.TURBOPACK||[]).push(1)</script><script>self.__next_f.push([1,"</p>"])</script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script src="/_next/static/chunks/d.js" noModule=""></script></body></html>',
    ].join("");
    const light = lightenPage(html, "/_light/campaign.abc.js");
    expect(light).toBe(
      '<html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/><script type="application/ld+json">{"@type":"Petition"}</script><script src="/_light/campaign.abc.js" defer=""></script></head><body><h1>Stop the attacks</h1></body></html>',
    );
  });

  it("is compressed with Brotli or gzip as the browser accepts, and small answers as they are", () => {
    const page = Buffer.from("<p>وقّع العريضة</p>".repeat(200));
    const br = compressFor(page, "gzip, deflate, br, zstd");
    expect(br.encoding).toBe("br");
    expect(brotliDecompressSync(br.body).equals(page)).toBe(true);
    const gzip = compressFor(page, "gzip");
    expect(gzip.encoding).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(page)).toBe(true);
    expect(br.body.length).toBeLessThan(gzip.body.length);
    expect(compressFor(page, "").encoding).toBeNull();
    expect(compressFor(Buffer.from("<p>short</p>"), "br").encoding).toBeNull();
  });
});
