import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./lib/env";
import { bodyExceeds, payloadTooLargeResponse } from "./lib/http/body-limit";
import { pageBodyMaxBytes } from "./lib/http/front-door.js";
import { isSameOrigin } from "./lib/http/same-origin";
import { contentSecurityPolicy, noncePagePattern, normalisedPath } from "./lib/http/security-headers.js";
import { routing } from "./lib/i18n/routing";

// Sends "/" and any path without a locale to /en/... or /ar/... from the browser's Accept-Language.
const localeRouting = createMiddleware(routing);
// The embed (/embed/<locale>/...) carries its locale after "embed".
const outsideLocaleRouting = /^\/(?:api|dev|embed|_next|_vercel|.*\..*)/;

export default async function proxy(request: NextRequest): Promise<Response> {
  // Every server action (and every plain form POST, which is how they work without JavaScript)
  // is a POST to a page: it must come from one of Nida's own pages. Next.js lets a request with
  // no Origin through; Nida does not.
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) {
    return new NextResponse("Cross-origin request refused.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const path = request.nextUrl.pathname;
  // Each page has one address: the headers below and in next.config.js are chosen by it.
  const canonical = normalisedPath(path);
  if (canonical !== path) {
    const target = request.nextUrl.clone();
    target.pathname = canonical;
    return NextResponse.redirect(target, 308);
  }
  // Next.js answers a server action's body over the limit with a 500 once it has read that much.
  if (request.method === "POST" && (await bodyExceeds(request, pageBodyMaxBytes))) return payloadTooLargeResponse();
  if (!noncePagePattern.test(path)) {
    // Files, route handlers and the development mailbox are not localised pages; the Origin
    // check above still ran for them (a server action can be posted to any path a page matches).
    return outsideLocaleRouting.test(path) ? NextResponse.next() : localeRouting(request);
  }

  // Next.js reads the nonce from the request's policy and puts it on every script it renders.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ nonce, development: env.NODE_ENV === "development" });
  request.headers.set("content-security-policy", policy);
  request.headers.set("x-nonce", nonce);
  const response = localeRouting(request);
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Frame-Options", "DENY");
  return response;
}

export const config = {
  // Everything but route handlers and build assets: page POSTs with a dot in the path too.
  matcher: ["/((?!api/|_next/static/|_next/image).*)"],
};
