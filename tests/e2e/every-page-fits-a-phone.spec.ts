// Every page on a 390 px phone, in each interface language: the public pages a reader reaches by
// links from the home page (and those a signer reaches from an e-mail), and every organiser page
// reachable from an owner's dashboard. Pages are found by following links, one page of each route
// (app/**/page.tsx). On each:
// - it is no wider than the screen (scrollWidth ≤ 390 px), so it never slides sideways (the
//   window's innerWidth is recorded too: a page wider than the screen can widen it);
// - text marked as another language than the page's is isolated (its own `dir`, or <bdi>), so a
//   name or title in another direction keeps its order and does not reorder what is around it;
// - outside English, no English sentence of the interface is shown where the page's language
//   has its own (content shown in English is marked as such, and is not counted).
// The table of what was measured is attached to the test's results.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { locales, type Locale } from "../../lib/i18n/locales";
import { messageLeaves } from "../fixtures/message-leaves";
import { appRouteFiles } from "./app-routes";
import { seedCampaigns, uniqueTag } from "./helpers";
import { createPublishedCampaign, e2eOrganisers, signedInContext } from "./organiser-helpers";

const phone = { width: 390, height: 844 };

// A language's catalogue: its files' namespaces together, as lib/i18n/messages/<locale>/index.ts merges them.
function catalogue(locale: Locale): Record<string, unknown> {
  const dir = path.resolve("lib/i18n/messages", locale);
  const files = readdirSync(dir).filter((name) => name.endsWith(".json"));
  return Object.assign({}, ...files.map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as Record<string, unknown>));
}

// The English sentences a page in `locale` must not show: the runs of four words or more of each
// English message that `locale` words differently (arguments, plural forms and tags split a
// message into runs).
function englishLeftovers(locale: Locale): string[] {
  if (locale === "en") return [];
  const own = new Map(messageLeaves(catalogue(locale)));
  const runs = new Set<string>();
  for (const [key, english] of messageLeaves(catalogue("en"))) {
    if (own.get(key) === english) continue;
    for (const run of english.split(/[{}#<>]|\b(?:plural|select|selectordinal|other|one|few|many|two|zero)\b|=\d+/)) {
      const text = run.replace(/\s+/g, " ").trim();
      if (text.split(" ").length >= 4) runs.add(text);
    }
  }
  return [...runs];
}

type PageText = { text: string; unisolated: string[] };

// The page's visible text in its own language, and the elements marked as another language that
// are not isolated from what surrounds them.
function readPage(page: Page): Promise<PageText> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const otherLanguage = (element: Element) => {
      const lang = element.closest("[lang]")?.getAttribute("lang") ?? pageLang;
      return lang.split("-")[0] !== pageLang.split("-")[0];
    };
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest("script, style, noscript, template, textarea, pre, code") || otherLanguage(element) || !element.checkVisibility()) continue;
      parts.push(node.textContent ?? "");
    }
    const isolated = (element: Element) => element.matches("[dir], bdi");
    const unisolated = [...document.body.querySelectorAll("[lang]")].filter((element) => {
      if (!otherLanguage(element) || isolated(element)) return false;
      // Inside an isolated run of the same language: isolated with it.
      const outer = element.parentElement?.closest("[lang]");
      if (outer && outer !== document.documentElement && outer.getAttribute("lang") === element.getAttribute("lang") && isolated(outer)) return false;
      return (element.textContent ?? "").trim() !== "";
    });
    return {
      text: parts.join(" ").replace(/\s+/g, " "),
      unisolated: unisolated.map((element) => `<${element.localName} lang="${element.getAttribute("lang")}">${(element.textContent ?? "").trim().slice(0, 40)}`),
    };
  });
}

type Route = { pattern: string; matcher: RegExp; page: boolean };

// The app's routes, as patterns ("/[locale]/campaigns/[slug]"), each with a matcher for paths:
// its pages, and its route handlers (downloads, redirects), which are not followed.
function appRoutes(): Route[] {
  const files = [
    ...appRouteFiles("app", "page.tsx").map((file) => ({ ...file, page: true })),
    ...["route.ts", "route.tsx"].flatMap((name) => appRouteFiles("app", name).map((file) => ({ ...file, page: false }))),
  ];
  return files.map(({ segments, page }) => {
    const source = segments.map((segment) => (/^\[.+\]$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/");
    return { pattern: `/${segments.join("/")}`, page, matcher: new RegExp(`^/${source}/?$`) };
  });
}

const routes = appRoutes();
const parameters = (route: Route) => route.pattern.split("[").length;
// A fixed segment wins over a parameter ("/campaigns/new" over "/campaigns/[id]").
const routeOf = (pathname: string) => routes.filter((route) => route.matcher.test(pathname)).sort((a, b) => parameters(a) - parameters(b))[0];

type Measured = { pattern: string; path: string; scrollWidth: number; innerWidth: number; english: string[]; unisolated: string[] };

// Visits `start`, then every page its links lead to whose route has not been measured yet (within
// `prefix`), measuring each.
async function crawl(page: Page, start: string[], prefix: RegExp, measured: Map<string, Measured>, leftovers: readonly string[]): Promise<void> {
  const queue = [...start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const next = queue.shift()!;
    const route = routeOf(next.split("?")[0]!);
    if (seen.has(next) || !route?.page || measured.has(route.pattern)) continue;
    seen.add(next);
    const response = await page.goto(next);
    expect(response?.status(), next).toBeLessThan(500);
    const width = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    const { text, unisolated } = await readPage(page);
    measured.set(route.pattern, { pattern: route.pattern, path: next, ...width, english: leftovers.filter((run) => text.includes(run)), unisolated });
    const links = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    for (const href of links) {
      const url = new URL(href);
      if (url.origin !== new URL(page.url()).origin || !prefix.test(url.pathname)) continue;
      // Other query strings only filter; the organisation's names whose pages they are.
      const organisation = url.searchParams.get("organisation");
      queue.push(decodeURI(url.pathname) + (organisation ? `?organisation=${encodeURIComponent(organisation)}` : ""));
    }
  }
}

// Routes this test does not reach by links: each needs something the pages do not link to
// (a link from an e-mail, a finished action), or data it does not make.
const notLinked: Record<string, string> = {
  "/[locale]/organiser/sign-in/continue": "the page a sign-in link from an e-mail opens",
  "/[locale]/organiser/trending/[flagId]": "a trending flag, raised only by a burst of signatures",
};

const languageNames: Record<Locale, string> = { en: "English", ar: "Arabic", tr: "Turkish", ku: "Kurmanji", fr: "French", de: "German" };

for (const locale of locales) {
  test(`every public and organiser page fits a 390 px phone and reads in ${languageNames[locale]}`, async ({ browser, baseURL }) => {
    // Layout and words do not depend on the database: the languages beyond English and Arabic are
    // walked once, on the embedded one.
    test.skip(test.info().project.name === "postgres" && locale !== "en" && locale !== "ar", "walked on the embedded database");
    test.setTimeout(300_000);
    const leftovers = englishLeftovers(locale);
    const measured = new Map<string, Measured>();
    const { context, page } = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
    try {
      // A directory entry, and a published campaign of the owner's with a draft update, so that
      // their pages have something to show.
      const tag = uniqueTag();
      await page.goto("/en/organiser/directory/new");
      await page.getByLabel("Name (English)").fill(`Envoy ${tag}`);
      await page.getByLabel("Institution (English)").fill(`Office of the Envoy ${tag}`);
      await page.getByLabel("Country", { exact: true }).fill("INT");
      await page.getByLabel("E-mail address").fill(`envoy.${tag}@example.org`);
      await page.getByRole("button", { name: "Add to the directory" }).click();
      await expect(page.getByRole("status")).toContainText("The entry has been saved.");
      const campaign = await createPublishedCampaign(page, `Keep the bakeries of Atarib supplied ${tag}`);
      await page.goto(`/en/organiser/campaigns/${campaign.id}/updates/new`);
      await page.getByLabel("Subject (English)").fill("We delivered the petition");
      await page.getByLabel("Message (English)").fill("Thank you for signing.");
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We delivered the petition");

      await page.setViewportSize(phone);
      // Its pages first, so that each of its routes is measured on it; then everything else the dashboard leads to.
      await crawl(page, [`/${locale}/organiser/campaigns/${campaign.id}`, `/${locale}/organiser`], new RegExp(`^/${locale}/organiser(/|$)`), measured, leftovers);
    } finally {
      await context.close();
    }

    // The public side, as a reader who is not signed in; and the pages a signer reaches from an
    // e-mail (a link no longer valid shows the page too).
    const reader = await browser.newContext({ baseURL, viewport: phone });
    try {
      const readerPage = await reader.newPage();
      const slug = seedCampaigns.protectCivilians.slug;
      const fromMail = ["confirm/no-such-token", "erase/no-such-token", "unsubscribe/no-such-token", "erase/done", "unsubscribe/done"].map((rest) => `/${locale}/${rest}`);
      const afterSigning = [`/${locale}/campaigns/${slug}/signed`, `/${locale}/campaigns/${slug}/thanks`, `/${locale}/campaigns/${slug}/write`, `/embed/${locale}/${slug}`, `/embed/${locale}/${slug}/signed`];
      const signIn = [`/${locale}/organiser/sign-in`, `/${locale}/organiser/sign-in/check-email`];
      // The campaign first, so that the statements it quotes are reached from it.
      await crawl(readerPage, [`/${locale}/campaigns/${slug}`, `/${locale}`, ...fromMail, ...afterSigning, ...signIn], new RegExp(`^/(embed/)?${locale}(/|$)`), measured, leftovers);
    } finally {
      await reader.close();
    }

    const table = [...measured.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
    const report = [
      `| page (${locale}, 390 px) | path | scrollWidth | innerWidth | English left | not isolated |`,
      "| --- | --- | --- | --- | --- | --- |",
      ...table.map((row) => `| ${row.pattern} | ${row.path} | ${row.scrollWidth} | ${row.innerWidth} | ${row.english.length} | ${row.unisolated.length} |`),
    ].join("\n");
    await test.info().attach(`pages-at-390px-${locale}.md`, { body: report, contentType: "text/markdown" });

    const unreached = routes.filter((route) => route.page).map((route) => route.pattern).filter((pattern) => !measured.has(pattern) && !(pattern in notLinked));
    expect.soft(unreached, "pages the crawl did not reach").toEqual([]);
    expect.soft(table.filter((row) => row.scrollWidth > phone.width).map((row) => `${row.path}: ${row.scrollWidth} px`), "pages wider than the screen").toEqual([]);
    expect.soft(Object.fromEntries(table.filter((row) => row.unisolated.length > 0).map((row) => [row.path, row.unisolated])), "text in another language, not isolated").toEqual({});
    expect.soft(Object.fromEntries(table.filter((row) => row.english.length > 0).map((row) => [row.path, row.english])), "English interface text").toEqual({});
  });
}
