import { describe, expect, it } from "vitest";
import { env } from "../../../lib/env";
import { isSameOrigin, refuseForeignOrigin } from "../../../lib/http/same-origin";

const post = (headers: Record<string, string>) => new Request(`${env.APP_URL}/api/organiser/x`, { method: "POST", headers });

describe("same-origin check for state-changing route handlers", () => {
  it("accepts a request from Nida's own pages", () => {
    expect(isSameOrigin(post({ origin: new URL(env.APP_URL).origin }))).toBe(true);
    expect(refuseForeignOrigin(post({ origin: new URL(env.APP_URL).origin }))).toBeNull();
  });

  it.each([
    ["a foreign origin", { origin: "https://evil.example" }],
    ["a look-alike origin", { origin: `${new URL(env.APP_URL).origin}.evil.example` }],
    ["another port", { origin: `${new URL(env.APP_URL).protocol}//${new URL(env.APP_URL).hostname}:1` }],
    ["a null origin", { origin: "null" }],
    ["no origin at all", {}],
  ])("refuses %s with 403", async (_label, headers) => {
    expect(isSameOrigin(post(headers))).toBe(false);
    const response = refuseForeignOrigin(post(headers));
    expect(response?.status).toBe(403);
  });
});
