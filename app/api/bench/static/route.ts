import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// A fixed HTML page, answered without the database, the proxy or the page cache: the cheapest
// page this server can send, beside the app's own static pages. ?bytes=N makes it about N bytes
// long (at most 1 MB), so a page's weight can be measured apart from how it is made. Only served
// when BENCH_ROUTES=true.
const paragraph = "<p>Nida serves this page without the database, as a static page is served.</p>";
const pages = new Map<number, string>();

function fixedPage(paragraphs: number): string {
  let page = pages.get(paragraphs);
  if (page === undefined) {
    page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body><main>${paragraph.repeat(paragraphs)}</main></body></html>`;
    pages.set(paragraphs, page);
  }
  return page;
}

export function GET(request: Request): Response {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  const bytes = Number(new URL(request.url).searchParams.get("bytes"));
  const paragraphs = Number.isInteger(bytes) && bytes > 0 ? Math.ceil(Math.min(bytes, 1_000_000) / paragraph.length) : 300;
  return new Response(fixedPage(paragraphs), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
