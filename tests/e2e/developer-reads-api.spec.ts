// Someone builds on Nida's numbers: they read the OpenAPI document, list the campaigns from another
// site's page (CORS), read one campaign and its counts, and get JSON errors for what is not there.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { openApiChecker } from "../fixtures/openapi-responses";

test("the open API serves what its OpenAPI document describes, to any site, cacheably", async ({ request, page, baseURL }) => {
  const documentResponse = await request.get("/api/v1/openapi.json");
  expect(documentResponse.status()).toBe(200);
  const checker = await openApiChecker(await documentResponse.json());

  const list = await request.get("/api/v1/campaigns?status=open&limit=2");
  expect(list.status()).toBe(200);
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  expect(list.headers()["cache-control"]).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
  const page1 = (await list.json()) as { data: { slug: string; status: string }[]; nextCursor: string | null };
  expect(checker.problems("/campaigns", 200, page1)).toEqual([]);
  expect(page1.data.length).toBe(2);
  expect(page1.data.every((campaign) => campaign.status === "open")).toBe(true);
  expect(page1.nextCursor).not.toBeNull();

  const slug = page1.data[0]!.slug;
  for (const path of [`/campaigns/${slug}`, `/campaigns/${slug}/counts`, `/campaigns/${slug}/deliveries`]) {
    const response = await request.get(`/api/v1${path}`);
    expect(response.status(), path).toBe(200);
    expect(checker.problems(path.replace(slug, "{slug}"), 200, await response.json())).toEqual([]);
  }

  // The organisers' draft campaigns are not public.
  const draft = await request.get("/api/v1/campaigns/e2e-organisation-a-draft");
  expect(draft.status()).toBe(404);
  expect(checker.problems("/campaigns/{slug}", 404, await draft.json())).toEqual([]);
  const elsewhere = await request.get("/api/v1/no-such-thing");
  expect(elsewhere.status()).toBe(404);
  expect(await elsewhere.json()).toMatchObject({ error: "NOT_FOUND" });

  // A page on another origin (another local port) reads the API with fetch, after a preflight.
  const partner = createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>Partner</title>"));
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  await page.goto(`http://127.0.0.1:${(partner.address() as AddressInfo).port}/`);
  const fromElsewhere = await page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { "X-Requested-With": "partner-site" } });
    return { status: response.status, count: ((await response.json()) as { data: unknown[] }).data.length };
  }, `${baseURL}/api/v1/campaigns?limit=1`);
  expect(fromElsewhere).toEqual({ status: 200, count: 1 });
  await new Promise((resolve) => partner.close(resolve));
});
