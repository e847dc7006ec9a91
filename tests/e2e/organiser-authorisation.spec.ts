// The authorisation matrix at the HTTP level. Every organiser page (app/[locale]/organiser/**/page.tsx)
// and every organiser API route (app/api/organiser/**/route.ts) is found by walking the file system,
// so routes added later are covered without touching this file; dynamic segments are filled with
// the id of Organisation A's draft campaign. Every form those pages show Organisation A's owner is
// then replayed, exactly as a browser without JavaScript would post it, by people who must not be
// able to write: it must change nothing.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { e2eWebhookEndpointUrl } from "../fixtures/e2e-organisers";
import { appRouteFiles, type AppRouteFile } from "./app-routes";
import { discoverOrganisationA, e2eCampaigns, e2eOrganisers, signedInContext, type OrganisationA } from "./organiser-helpers";

const { owner, viewer, other } = e2eOrganisers;

type Route = { template: string; dynamic: string[]; ownersOnly: boolean };
type ApiRoute = Route & { methods: string[] };

// "app/[locale]/organiser/campaigns/[id]/page.tsx" under "/en/organiser" → "/en/organiser/campaigns/[id]".
function routeOf({ segments }: AppRouteFile, prefix: string): Route {
  return { template: [prefix, ...segments].join("/"), dynamic: segments.filter((s) => s.startsWith("[")), ownersOnly: false };
}

// The sign-in pages are for people without a session: the only organiser pages meant for everyone.
const publicPages = /^\/en\/organiser\/sign-in(\/|$)/;
// Owners' pages: anyone else is told they do not exist.
const ownersOnlyPages = new Set(["/en/organiser/members", "/en/organiser/audit", "/en/organiser/webhooks", "/en/organiser/settings"]);

const pages: Route[] = appRouteFiles("app/[locale]/organiser", "page.tsx")
  .map((file) => routeOf(file, "/en/organiser"))
  .filter((route) => !publicPages.test(route.template))
  .map((route) => ({ ...route, ownersOnly: ownersOnlyPages.has(route.template) }));

const apiRoutes: ApiRoute[] = appRouteFiles("app/api/organiser", "route.ts").map((file) => {
  const route = routeOf(file, "/api/organiser");
  const methods = [...readFileSync(file.path, "utf8").matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
  return { ...route, methods };
});

// A dynamic segment takes Organisation A's campaign id; a route with any other kind of segment
// cannot be filled meaningfully, so only the refusals are asserted for it.
const isCampaignSegment = (segment: string) => /^\[(id|campaignId|campaign)\]$/.test(segment);
const fillable = (route: Route) => route.dynamic.every(isCampaignSegment);
const urlOf = (route: Route, a: OrganisationA) => route.template.replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, encodeURIComponent(a.campaignId));

// Organisation A's data that must not reach anyone outside it.
const privateMarkers = [e2eCampaigns.a.titleEn, owner.email, viewer.email];
function expectNoPrivateData(body: string, where: string) {
  for (const marker of privateMarkers) expect(body, `${where} shows "${marker}"`).not.toContain(marker);
}

test("the walk finds the organiser area's pages", () => {
  const templates = pages.map((route) => route.template);
  expect(templates).toEqual(expect.arrayContaining(["/en/organiser", "/en/organiser/members", "/en/organiser/audit", "/en/organiser/webhooks"]));
  expect(templates.some((template) => template.startsWith("/en/organiser/sign-in"))).toBe(false);
});

type Replay = { page: string; action: string; fields: [string, string][] };

// Every POST form on every page Organisation A's owner sees, as a browser without JavaScript would
// send it. Selects are moved to another option and empty e-mail and URL fields filled in, so that a replay
// the server wrongly accepted would really change something. Sign-out is left out.
async function harvestForms(browser: Browser, baseURL: string, a: OrganisationA): Promise<Replay[]> {
  const { context, page } = await signedInContext(browser, baseURL, owner.email, { javaScriptEnabled: false });
  const replays: Replay[] = [];
  for (const route of pages.filter(fillable)) {
    const url = `${urlOf(route, a)}${route.ownersOnly ? `?organisation=${encodeURIComponent(a.organisationId)}` : ""}`;
    const response = await page.goto(url);
    expect(response?.status(), `owner of A opens ${url}`).toBe(200);
    const forms = await page.locator("form").evaluateAll((elements) =>
      (elements as HTMLFormElement[])
        .filter((form) => form.method.toLowerCase() === "post" && !form.classList.contains("sign-out-form"))
        .map((form) => {
          const fields: [string, string][] = [];
          for (const element of Array.from(form.elements) as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement)[]) {
            if (!element.name || element.disabled) continue;
            if (element instanceof HTMLButtonElement) continue;
            if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio") && !element.checked) continue;
            if (element instanceof HTMLInputElement && element.type === "file") continue;
            if (element instanceof HTMLSelectElement) {
              const other = Array.from(element.options).find((option) => !option.selected && option.value !== "");
              fields.push([element.name, other?.value ?? element.value]);
              continue;
            }
            if (element.type === "url" && !element.value) {
              fields.push([element.name, "REPLAY_URL"]);
              continue;
            }
            fields.push([element.name, element.type === "email" && !element.value ? "REPLAY_EMAIL" : element.value]);
          }
          const submitter = form.querySelector<HTMLButtonElement>("button[type=submit][name], button:not([type])[name]");
          if (submitter) fields.push([submitter.name, submitter.value]);
          return { action: form.action, fields };
        }),
    );
    const filled = (value: string) =>
      value === "REPLAY_EMAIL" ? `replay.${randomUUID()}@e2e.example.org` : value === "REPLAY_URL" ? `https://replay.${randomUUID()}.e2e.example.org/hook` : value;
    for (const form of forms) replays.push({ page: url, action: form.action, fields: form.fields.map(([k, v]) => [k, filled(v)]) });
  }
  await context.close();
  return replays;
}

async function replay(request: APIRequestContext, baseURL: string, form: Replay) {
  const body = new FormData();
  for (const [name, value] of form.fields) body.append(name, value);
  return request.post(form.action || form.page, { multipart: body, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
}

// Organisation A as its owner sees it after the replays: nothing done by the intruder.
async function expectUntouched(ownerPage: Page, a: OrganisationA, intruder?: string) {
  if (intruder) {
    await ownerPage.goto(`/en/organiser/audit?organisation=${encodeURIComponent(a.organisationId)}`);
    const who = await ownerPage.locator("table.audit-table tbody td.audit-who").allTextContents();
    expect(who.length).toBeGreaterThan(0);
    expect(who.map((text) => text.trim())).not.toContain(intruder);
  }
  await ownerPage.goto(`/en/organiser/members?organisation=${encodeURIComponent(a.organisationId)}`);
  await expect(ownerPage.getByLabel(`Role of ${owner.email}`)).toHaveValue("OWNER");
  await expect(ownerPage.getByLabel(`Role of ${viewer.email}`)).toHaveValue("VIEWER");
  await expect(ownerPage.locator(".member-list")).not.toContainText("replay.");
  await ownerPage.goto(`/en/organiser/webhooks?organisation=${encodeURIComponent(a.organisationId)}`);
  await expect(ownerPage.locator("li[data-endpoint]", { hasText: e2eWebhookEndpointUrl })).toContainText("Active");
  await expect(ownerPage.locator("main")).not.toContainText("replay.");
  await ownerPage.goto("/en/organiser");
  const campaign = ownerPage.getByRole("row", { name: new RegExp(e2eCampaigns.a.titleEn) });
  await expect(campaign).toContainText("Draft");
}

test("an anonymous visitor is sent to sign in from every organiser page, gets 401 from every organiser API, and sees nothing", async ({ browser, baseURL, playwright }) => {
  // It opens every organiser page and replays every form on them.
  test.slow();
  const ownerSession = await signedInContext(browser, baseURL!, owner.email);
  const a = await discoverOrganisationA(ownerSession.page);
  const forms = await harvestForms(browser, baseURL!, a);
  const anonymous = await playwright.request.newContext({ baseURL });

  for (const route of pages) {
    const url = `${urlOf(route, a)}${route.ownersOnly ? `?organisation=${encodeURIComponent(a.organisationId)}` : ""}`;
    const response = await anonymous.get(url, { maxRedirects: 0 });
    expect.soft(response.status(), `GET ${url}`).toBe(307);
    expect.soft(response.headers().location ?? "", `GET ${url}`).toMatch(/\/en\/organiser\/sign-in$/);
    expectNoPrivateData(await response.text(), `GET ${url}`);
  }
  for (const route of apiRoutes) {
    for (const method of route.methods) {
      const url = urlOf(route, a);
      const response = await anonymous.fetch(url, { method, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
      expect.soft(response.status(), `${method} ${url}`).toBe(401);
      expectNoPrivateData(await response.text(), `${method} ${url}`);
    }
  }
  for (const form of forms) {
    const response = await replay(anonymous, baseURL!, form);
    // 303 from the action itself, or 307 from the page it re-renders: either way, to sign in.
    expect.soft([303, 307], `anonymous POST of a form on ${form.page} (${response.status()})`).toContain(response.status());
    expect.soft(response.headers().location ?? "", `anonymous POST of a form on ${form.page}`).toMatch(/\/en\/organiser\/sign-in$/);
  }
  await expectUntouched(ownerSession.page, a);
  await anonymous.dispose();
  await ownerSession.context.close();
});

test("a viewer reads what a viewer may, is told owners' pages do not exist, and every write they try changes nothing", async ({ browser, baseURL }) => {
  // It opens every organiser page and replays every form on them.
  test.slow();
  const ownerSession = await signedInContext(browser, baseURL!, owner.email);
  const a = await discoverOrganisationA(ownerSession.page);
  const forms = await harvestForms(browser, baseURL!, a);
  expect(forms.length, "forms to replay (the members page has three kinds)").toBeGreaterThanOrEqual(3);
  const viewerSession = await signedInContext(browser, baseURL!, viewer.email);

  for (const route of pages.filter(fillable)) {
    const url = `${urlOf(route, a)}${route.ownersOnly ? `?organisation=${encodeURIComponent(a.organisationId)}` : ""}`;
    const response = await viewerSession.page.request.get(url, { maxRedirects: 0 });
    if (route.ownersOnly) expect.soft(response.status(), `viewer GET ${url}`).toBe(404);
    else expect.soft([200, 404], `viewer GET ${url} (${response.status()})`).toContain(response.status());
  }
  for (const form of forms) {
    const response = await replay(viewerSession.page.request, baseURL!, form);
    expect.soft(response.status(), `viewer POST of a form on ${form.page}`).toBeLessThan(500);
  }
  await expectUntouched(ownerSession.page, a, viewer.email);
  await viewerSession.context.close();
  await ownerSession.context.close();
});

test("a member of another organisation is told Organisation A's pages do not exist, and every write they try changes nothing", async ({ browser, baseURL }) => {
  // It opens every organiser page and replays every form on them.
  test.slow();
  const ownerSession = await signedInContext(browser, baseURL!, owner.email);
  const a = await discoverOrganisationA(ownerSession.page);
  const forms = await harvestForms(browser, baseURL!, a);
  const outsider = await signedInContext(browser, baseURL!, other.email);

  for (const route of pages) {
    const url = `${urlOf(route, a)}${route.ownersOnly ? `?organisation=${encodeURIComponent(a.organisationId)}` : ""}`;
    const response = await outsider.page.request.get(url, { maxRedirects: 0 });
    // Their own dashboard and pages without a campaign answer; anything of A's is "not found".
    if (route.dynamic.length > 0 || route.ownersOnly) expect.soft(response.status(), `outsider GET ${url}`).toBe(404);
    expectNoPrivateData(await response.text(), `outsider GET ${url}`);
  }
  for (const route of apiRoutes.filter((r) => r.dynamic.length > 0)) {
    for (const method of route.methods) {
      const url = urlOf(route, a);
      const response = await outsider.page.request.fetch(url, { method, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
      expect.soft(response.status(), `outsider ${method} ${url}`).toBe(404);
      expectNoPrivateData(await response.text(), `outsider ${method} ${url}`);
    }
  }
  for (const form of forms) {
    const response = await replay(outsider.page.request, baseURL!, form);
    expect.soft(response.status(), `outsider POST of a form on ${form.page}`).toBeLessThan(500);
  }
  await expectUntouched(ownerSession.page, a, other.email);
  await outsider.context.close();
  await ownerSession.context.close();
});

test("an owner of another organisation who posts the removal of Organisation A's access rule is told, in their language, that they may not, and the rule stays", async ({ browser, baseURL }) => {
  const ownerSession = await signedInContext(browser, baseURL!, owner.email);
  const a = await discoverOrganisationA(ownerSession.page);
  const settings = `/en/organiser/settings?organisation=${encodeURIComponent(a.organisationId)}`;
  const pattern = `rule-${randomUUID().slice(0, 8)}.e2e.example.org`;
  await ownerSession.page.goto(settings);
  await ownerSession.page.getByLabel("Applies to").selectOption("EMAIL_DOMAIN");
  await ownerSession.page.getByLabel("Address, range or domain").fill(pattern);
  await ownerSession.page.getByRole("button", { name: "Add rule" }).click();
  await expect(ownerSession.page.getByText("Rule added.")).toBeVisible();
  await ownerSession.page.goto(settings);
  const removal = ownerSession.page.locator("form", { has: ownerSession.page.getByRole("button", { name: `Remove ${pattern}` }) });
  const rule = await removal.locator('input[name="rule"]').inputValue();
  // A server action's form has an empty action: it posts to the page it is on.
  const action = (await removal.getAttribute("action")) || settings;

  const outsider = await signedInContext(browser, baseURL!, other.email);
  for (const [locale, message] of [
    ["en", "Only owners of this organisation can change its settings."],
    ["ar", "لا يستطيع تغيير إعدادات هذه المنظمة إلا مالكوها."],
  ] as const) {
    const body = new FormData();
    body.append("locale", locale);
    body.append("organisation", a.organisationId);
    body.append("rule", rule);
    // The action's own hidden fields, as React renders them for a browser without JavaScript.
    const hidden = await removal.locator('input[type="hidden"]').evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((input): [string, string] => [input.name, input.value]));
    for (const [name, value] of hidden) {
      if (!body.has(name)) body.append(name, value);
    }
    const response = await outsider.page.request.post(action, { multipart: body, headers: { Origin: new URL(baseURL!).origin } });
    expect(response.status(), locale).toBe(200);
    expect(new URL(response.url()).pathname, locale).toBe(`/${locale}/organiser/settings`);
    const html = await response.text();
    expect(html, locale).toContain(message);
    expect(html, locale).not.toContain(pattern);
  }
  await ownerSession.page.goto(settings);
  await expect(ownerSession.page.getByRole("button", { name: `Remove ${pattern}` })).toBeVisible();
  await outsider.context.close();
  await ownerSession.context.close();
});
