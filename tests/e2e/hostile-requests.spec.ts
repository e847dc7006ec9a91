// Requests no browser sends, as an attacker sends them over raw HTTP: bodies larger than a route
// reads (with a length, or chunked with none), methods no route answers, and page addresses written
// with percent-encodings. Each gets a 4xx, never a 500, and never a page without its headers.
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { campaignPath, seedCampaigns } from "./helpers";

const campaign = seedCampaigns.monitoring;
const token = "A".repeat(43);

// `status` 0: the server closed the connection before answering; `unsent` is what was left of the
// body then.
type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string; unsent: number };

// One request over its own connection. `body` bytes are sent chunked (no Content-Length) or with
// their length; `declared` alone sends a Content-Length and waits for the answer before any body,
// as a client does that waits for a refusal (the answer must come without the body being read).
function send(baseURL: string, path: string, options: { method?: string; body?: number; chunked?: boolean; declared?: number; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    const headers: Record<string, string> = { origin: url.origin, ...options.headers };
    if (options.declared !== undefined) headers["content-length"] = String(options.declared);
    else if (options.body !== undefined && !options.chunked) headers["content-length"] = String(options.body);
    const request = httpRequest(url, { method: options.method ?? "POST", headers, agent: false });
    // A CONNECT's answer ends the HTTP exchange on that connection: its body is not read.
    let left = options.body ?? 0;
    request.on("connect", (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: "", unsent: left });
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, unsent: left }));
    });
    // A server that stops reading a body may close the connection while the rest is on its way.
    request.on("error", (error: NodeJS.ErrnoException) => (["EPIPE", "ECONNRESET"].includes(error.code ?? "") ? resolve({ status: 0, headers: {}, body: "", unsent: left }) : reject(error)));
    if (options.declared !== undefined) return request.flushHeaders();
    const chunk = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (left > 0) {
        const piece = chunk.subarray(0, Math.min(left, chunk.length));
        left -= piece.length;
        if (!request.write(piece)) return void request.once("drain", pump);
      }
      request.end();
    };
    pump();
  });
}

function expectJsonError(answer: Answer, status: number, error: string, what: string) {
  expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBe(status);
  expect(JSON.parse(answer.body), what).toMatchObject({ error });
}

// A body far over the limit, sent without waiting: answered with `status`, or (when the server
// stopped reading and closed the connection before its answer got through) cut off long before
// its end. Never read to its end and then failed.
function expectRefusedLongBody(answer: Answer, status: number, what: string) {
  if (answer.status === 0) expect(answer.unsent, `${what}: closed only after the whole body was sent`).toBeGreaterThan(0);
  else expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBe(status);
}

// Each route that reads a body, the most it reads, and what a body it accepts looks like.
const bodyRoutes = [
  { path: "/api/signatures", limit: 16 * 1024, type: "application/json" },
  { path: "/api/webhooks/resend", limit: 64 * 1024, type: "application/json" },
  { path: `/api/unsubscribe/${token}`, limit: 1024, type: "application/x-www-form-urlencoded" },
  { path: "/api/auth/signin/email", limit: 16 * 1024, type: "application/x-www-form-urlencoded" },
  { path: "/api/auth/signout", limit: 16 * 1024, type: "application/x-www-form-urlencoded" },
];

test("every route that reads a body stops at its limit and answers 413, whether the body is chunked or declares its length", async ({ baseURL }) => {
  for (const route of bodyRoutes) {
    const headers = { "content-type": route.type };
    expectJsonError(await send(baseURL!, route.path, { body: route.limit + 1, chunked: true, headers }), 413, "PAYLOAD_TOO_LARGE", `${route.path} chunked`);
    expectRefusedLongBody(await send(baseURL!, route.path, { body: 20 * 1024 * 1024, chunked: true, headers }), 413, `${route.path} 20 MB chunked`);
    expectJsonError(await send(baseURL!, route.path, { declared: route.limit + 1, headers }), 413, "PAYLOAD_TOO_LARGE", `${route.path} declared`);
    expectJsonError(await send(baseURL!, route.path, { declared: 150 * 1024 * 1024, headers }), 413, "PAYLOAD_TOO_LARGE", `${route.path} declared 150 MB`);
  }
});

test("a page's form or server action over 512 kB is answered 413, not 500, chunked or not", async ({ baseURL }) => {
  const page = campaignPath(campaign.slug);
  const kinds: { what: string; headers: Record<string, string> }[] = [
    { what: "server action", headers: { "next-action": "f".repeat(42), "content-type": "text/plain;charset=UTF-8" } },
    { what: "plain form", headers: { "content-type": "application/x-www-form-urlencoded" } },
    { what: "multipart form", headers: { "content-type": "multipart/form-data; boundary=x" } },
  ];
  for (const kind of kinds) {
    for (const chunked of [true, false]) {
      const what = `${kind.what}, ${chunked ? "chunked" : "with its length"}`;
      expectJsonError(await send(baseURL!, page, { body: 512 * 1024 + 1, chunked, headers: kind.headers }), 413, "PAYLOAD_TOO_LARGE", what);
    }
    expectRefusedLongBody(await send(baseURL!, page, { body: 3 * 1024 * 1024, chunked: true, headers: kind.headers }), 413, `${kind.what}, 3 MB chunked`);
    expectJsonError(await send(baseURL!, page, { declared: 150 * 1024 * 1024, headers: kind.headers }), 413, "PAYLOAD_TOO_LARGE", `${kind.what}, declared 150 MB`);
  }
});

test("routes that read no body answer other methods without reading one", async ({ baseURL }) => {
  for (const path of ["/api/health", `/api/campaigns/${campaign.slug}/count`, "/api/v1/campaigns"]) {
    expectRefusedLongBody(await send(baseURL!, path, { body: 20 * 1024 * 1024, chunked: true }), 405, `${path} 20 MB chunked`);
    expectJsonError(await send(baseURL!, path, { declared: 150 * 1024 * 1024 }), 413, "PAYLOAD_TOO_LARGE", `${path} declared 150 MB`);
  }
});

test("methods no route answers get a 405 in the API's error shape, on routes and pages alike", async ({ baseURL }) => {
  for (const method of ["TRACE", "PUT", "PATCH", "DELETE", "PROPFIND", "MKCOL", "SEARCH", "CONNECT"]) {
    for (const path of ["/api/health", "/api/signatures", "/api/v1/campaigns", `/api/unsubscribe/${token}`, "/en", campaignPath(campaign.slug), "/en/organiser/sign-in", `/en/confirm/${token}`]) {
      const answer = await send(baseURL!, path, { method });
      if (method === "CONNECT") expect(answer.status, `${method} ${path}`).toBe(405);
      else expectJsonError(answer, 405, "METHOD_NOT_ALLOWED", `${method} ${path}`);
      expect(answer.headers["allow"], `${method} ${path}`).toBe("GET, HEAD, POST, OPTIONS");
    }
  }
  // A method Node.js's own parser does not know never reaches a route.
  expect((await send(baseURL!, "/api/health", { method: "TRACK" })).status).toBe(400);
});

test("a page addressed with percent-encodings or dot segments is sent to its one address, where it gets its own headers", async ({ request }) => {
  const encoded = {
    [`/%65n/confirm/${token}.txt`]: `/en/confirm/${token}.txt`,
    [`/%65n/confirm/${token}`]: `/en/confirm/${token}`,
    [`/en/%63onfirm/${token}`]: `/en/confirm/${token}`,
    [`/%61r/unsubscribe/${token}`]: `/ar/unsubscribe/${token}`,
    [`/en/%65rase/${token}.x`]: `/en/erase/${token}.x`,
    "/%65n/organiser/sign-in": "/en/organiser/sign-in",
    "/en/%6frganiser/sign-in": "/en/organiser/sign-in",
    "/en/organiser/%73ign-in.x": "/en/organiser/sign-in.x",
  };
  for (const [path, canonical] of Object.entries(encoded)) {
    const first = await request.get(path, { maxRedirects: 0 });
    expect(first.status(), path).toBe(308);
    expect(new URL(first.headers()["location"]!, "http://x").pathname, path).toBe(canonical);
    const page = await request.get(path);
    const headers = page.headers();
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["x-robots-tag"], path).toBe("noindex, nofollow");
    expect(headers["cache-control"], path).toContain("no-store");
    if (!canonical.includes("/organiser/")) expect(headers["referrer-policy"], path).toBe("strict-origin");
  }
});
