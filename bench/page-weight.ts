// What a phone downloads to show a page, measured in Debian's Chromium at 390 px from the
// production server: bytes on the wire (compressed, headers included, as the network inspector
// counts them) per kind of resource, on a first visit with an empty cache and on a repeat visit.
// Then the throttled journey: the Arabic campaign page over a slow link (400 kbit/s down,
// 200 kbit/s up, 400 ms round trips) on a CPU slowed 4 times, timed until the sign form is shown,
// until its script has taken it over, and until a signature is answered.
import { randomUUID } from "node:crypto";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { campaignServer } from "./support/campaign-server";
import { formatMs, type Figure } from "./support/report";
import type { Benchmark } from "./support/runner";

type Kind = "HTML" | "JavaScript" | "fonts" | "CSS" | "images" | "other";
type Weight = { bytes: number; requests: number; byKind: Record<Kind, number> };

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const kinds: Kind[] = ["HTML", "JavaScript", "fonts", "CSS", "images", "other"];

function kindOf(type: string): Kind {
  switch (type) {
    case "Document":
      return "HTML";
    case "Script":
      return "JavaScript";
    case "Font":
      return "fonts";
    case "Stylesheet":
      return "CSS";
    case "Image":
      return "images";
    default:
      return "other";
  }
}

// Counts what crosses the network from now until stop(): a response served from the browser's
// cache adds nothing, a revalidation adds what it exchanged.
async function recordTraffic(session: CDPSession): Promise<{ stop(): Weight }> {
  await session.send("Network.enable");
  const types = new Map<string, string>();
  const fromCache = new Set<string>();
  const weight: Weight = { bytes: 0, requests: 0, byKind: Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<Kind, number> };
  let recording = true;
  session.on("Network.responseReceived", (event) => {
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) fromCache.add(event.requestId);
    types.set(event.requestId, event.type ?? "Other");
  });
  session.on("Network.requestServedFromCache", (event) => fromCache.add(event.requestId));
  session.on("Network.loadingFinished", (event) => {
    if (!recording || fromCache.has(event.requestId) || !types.has(event.requestId)) return;
    const kind = kindOf(types.get(event.requestId)!);
    weight.bytes += event.encodedDataLength;
    weight.byKind[kind] += event.encodedDataLength;
    weight.requests += 1;
  });
  return {
    stop() {
      recording = false;
      return weight;
    },
  };
}

async function visit(context: BrowserContext, page: Page, url: string): Promise<Weight> {
  const session = await context.newCDPSession(page);
  const traffic = await recordTraffic(session);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  const weight = traffic.stop();
  await session.detach();
  return weight;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function describe(weight: Weight): string {
  const parts = kinds.filter((kind) => weight.byKind[kind] > 0).map((kind) => `${kind} ${kB(weight.byKind[kind])}`);
  return `${kB(weight.bytes)} in ${weight.requests} requests (${parts.join(", ")})`;
}

// A page's weight on a first visit (a new browser profile) and on a repeat visit in the same one.
async function pageWeight(browser: Browser, url: string): Promise<{ first: Weight; repeat: Weight }> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    const first = await visit(context, page, url);
    const other = await context.newPage();
    const repeat = await visit(context, other, url);
    return { first, repeat };
  } finally {
    await context.close();
  }
}

// React marks the elements it has taken over (hydrated) with its own properties.
const hydrated = (form: Element) => Object.keys(form).some((key) => key.startsWith("__reactProps"));

async function throttledJourney(browser: Browser, url: string): Promise<{ shown: number; ready: number; answered: number }> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send("Network.enable");
    await session.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 200_000 / 8 });
    await session.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const began = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    const form = page.locator("form:has(input[name=email])").first();
    const submit = form.locator("button[type=submit]");
    await submit.waitFor({ state: "visible", timeout: 120_000 });
    const shown = Date.now() - began;
    await page.waitForFunction(hydrated, await form.elementHandle(), { timeout: 120_000, polling: 50 });
    const ready = Date.now() - began;
    await form.locator("input[name=name]").fill("Nour Haddad");
    await form.locator("input[name=email]").fill(`bench-${randomUUID().slice(0, 8)}@example.org`);
    await form.locator("select[name=country]").selectOption("TR");
    const sentAt = Date.now();
    await submit.click();
    await page.waitForURL(/\/signed$/, { timeout: 120_000, waitUntil: "commit" });
    await page.locator("h1").waitFor({ timeout: 120_000 });
    return { shown, ready, answered: ready + (Date.now() - sentAt) };
  } finally {
    await context.close();
  }
}

export const pageWeightBenchmark: Benchmark = {
  name: "pages",
  async run(context) {
    const { server, slug } = await campaignServer(context);
    const pages: { label: string; path: string; target?: { first: number; js?: number } }[] = [
      { label: "Arabic campaign page", path: `/ar/campaigns/${slug}`, target: { first: 120_000, js: 60_000 } },
      { label: "English campaign page", path: `/en/campaigns/${slug}`, target: { first: 90_000 } },
      { label: "Arabic home page", path: "/ar" },
      { label: "English home page", path: "/en" },
    ];
    const browser = await chromium.launch({ executablePath: await context.chromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
    const figures: Figure[] = [];
    const benchmark = "page weight";
    try {
      for (const { label, path, target } of pages) {
        console.log(`[bench] pages: ${path}`);
        const { first, repeat } = await pageWeight(browser, `${server.url}${path}`);
        const firstTarget = target ? `≤ ${kB(target.first)}${target.js ? `, JavaScript ≤ ${kB(target.js)}` : ""}` : "";
        figures.push({ benchmark, figure: `${label}, first visit`, value: describe(first), target: firstTarget });
        figures.push({ benchmark, figure: `${label}, repeat visit`, value: describe(repeat), target: target ? "≤ 15.0 kB" : "" });
      }
      console.log(`[bench] pages: throttled journey on /ar/campaigns/${slug}`);
      const journey = await throttledJourney(browser, `${server.url}/ar/campaigns/${slug}`);
      const throttled = "throttled journey";
      const conditions = "Arabic campaign page, 400/200 kbit/s, 400 ms, CPU 4×";
      figures.push({ benchmark: throttled, figure: `${conditions}: sign form shown`, value: formatMs(journey.shown) });
      figures.push({ benchmark: throttled, figure: "sign form's script ready (usable with checks)", value: formatMs(journey.ready), target: "≤ 4 s" });
      figures.push({ benchmark: throttled, figure: "signature answered (script ready + submit to answer)", value: formatMs(journey.answered), target: "≤ 6 s" });
    } finally {
      await browser.close();
    }
    return figures;
  },
};
