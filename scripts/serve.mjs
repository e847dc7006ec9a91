// The production server: Next.js's request handler behind a plain Node HTTP server, which `next
// start` would otherwise create. It exists for lib/http/front-door.js: Next.js tells the app
// nothing of the connection a request came on, and fails on methods it cannot represent.
// Usage: node scripts/serve.mjs --port 3000 --hostname 0.0.0.0 (npm start runs it).
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { admitRequest, refuseTunnel } from "../lib/http/front-door.js";

const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, hostname: { type: "string", default: "0.0.0.0" } } });
const port = Number(values.port);
const hostname = values.hostname;

// What `next start` sets up before it loads Next.js: the environment, the process's name (the
// benchmarks find the server by it) and the server's own origin, which server actions fetch a
// redirect's target from (without it Next.js takes the origin from the request's Host header).
process.env.NODE_ENV ||= "production";
process.env.NEXT_RUNTIME = "nodejs";
process.title = "next-server (nida)";
const shownHost = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
process.env.__NEXT_PRIVATE_ORIGIN = `http://${shownHost}:${port}`;

const { default: next } = await import("next");
const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  if (!admitRequest(request, response)) return;
  handle(request, response).catch((error) => {
    console.error("[serve] request failed:", error instanceof Error ? error.name : "unknown error");
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
    response.end();
  });
});
server.on("connect", (_request, socket) => refuseTunnel(socket));
server.listen(port, hostname, () => console.log(`Nida is serving on http://${shownHost}:${port}`));

// As `next start` does: stop accepting, let Next.js close, and exit with the signal's code.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.once(signal, () => {
    server.close();
    app.close().finally(() => process.exit(code));
  });
}
