// The production server: Next.js's request handler behind a plain Node HTTP server, which `next
// start` would otherwise create. It exists for lib/http/front-door.js: Next.js tells the app
// nothing of the connection a request came on, and fails on methods it cannot represent.
// Usage: node scripts/serve.mjs --port 3000 --hostname 0.0.0.0 [--drain-ms N] (npm start runs it).
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { admitRequest, answerWhileDraining, refuseTunnel } from "../lib/http/front-door.js";

const { values } = parseArgs({
  options: { port: { type: "string", default: "3000" }, hostname: { type: "string", default: "0.0.0.0" }, "drain-ms": { type: "string", default: "0" } },
});
const port = Number(values.port);
const hostname = values.hostname;
const drainMs = Number(values["drain-ms"]);
// Requests still running this long after the server stopped accepting are cut off.
const finishMs = 10_000;

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

let draining = false;
const server = createServer((request, response) => {
  if (draining && !answerWhileDraining(request, response)) return;
  if (!admitRequest(request, response)) return;
  handle(request, response).catch((error) => {
    console.error("[serve] request failed:", error instanceof Error ? error.name : "unknown error");
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
    response.end();
  });
});
server.on("connect", (_request, socket) => refuseTunnel(socket));
server.listen(port, hostname, () => console.log(`Nida is serving on http://${shownHost}:${port}`));

// SIGTERM (systemd, a rolling restart): first fail the health check for --drain-ms while still
// serving, so the load balancer stops sending requests here; then stop accepting, let the
// requests under way finish (each connection closes after its answer), let Next.js close, and exit
// with the signal's code. SIGINT (Ctrl-C) skips the first part. Later signals change nothing: a
// process group's signal and the parent's forwarded one both arrive.
let stopping = false;
function stop(code, waitMs) {
  if (stopping) return;
  stopping = true;
  draining = true;
  setTimeout(() => {
    server.close(() => app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), finishMs).unref();
  }, waitMs);
}
process.on("SIGTERM", () => stop(143, drainMs));
process.on("SIGINT", () => stop(130, 0));
