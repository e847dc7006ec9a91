import http from "node:http";
import https from "node:https";
import net from "node:net";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "../../../lib/api/openapi";

// Redocly's recommended ruleset on the document /api/v1/openapi.json serves. The document refers
// to nothing outside itself, so linting it must not reach the network: every way out is refused.
describe("the OpenAPI document", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("passes Redocly's recommended ruleset with no errors, offline", async () => {
    const refused = (name: string) => () => {
      throw new Error(`lint tried to reach the network (${name})`);
    };
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(refused("fetch"));
    const connectSpy = vi.spyOn(net, "connect").mockImplementation(refused("net.connect"));
    const httpSpy = vi.spyOn(http, "request").mockImplementation(refused("http.request"));
    const httpsSpy = vi.spyOn(https, "request").mockImplementation(refused("https.request"));

    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(openApiDocument(), null, 2), absoluteRef: "/openapi.json", config });
    const describe = (problem: (typeof problems)[number]) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`;

    expect(problems.filter((problem) => problem.severity === "error").map(describe)).toEqual([]);
    // Warnings too, but for two that are meant: the test server's address is localhost, and the
    // document itself has nothing to refuse.
    const meant = new Set(["no-server-example.com: #/servers/0/url", "operation-4xx-response: #/paths/~1openapi.json/get/responses"]);
    expect(problems.filter((problem) => !meant.has(`${problem.ruleId}: ${problem.location[0]?.pointer}`)).map(describe)).toEqual([]);
    for (const spy of [fetchSpy, connectSpy, httpSpy, httpsSpy]) expect(spy).not.toHaveBeenCalled();
  });

  it("declares the API key scheme and uses it on the routes for organisations' tools only", () => {
    const document = openApiDocument();
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.paths["/campaigns/{slug}/signatures"].post.security).toEqual([{ apiKey: ["write"] }]);
    expect(document.paths["/signer-events"].get.security).toEqual([{ apiKey: ["read"] }]);
    expect(document.paths["/campaigns"].get.security).toEqual([]);
  });
});
