import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// A fixed HTML page, answered without the database, the proxy or the page cache: the cheapest
// page this server can send, beside the app's own static pages. Only served when BENCH_ROUTES=true.
const paragraph = "<p>Nida serves this page without the database, as a static page is served.</p>";
const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body><main>${paragraph.repeat(300)}</main></body></html>`;

export function GET(): Response {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  return new Response(page, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
