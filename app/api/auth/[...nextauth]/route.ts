import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { continueUrlFor, emailCallbackPath, parseEmailCallback } from "@/lib/auth/verification";
import { env } from "@/lib/env";
import { payloadTooLargeResponse, readLimitedText } from "@/lib/http/body-limit";
import { refuseForeignOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: Context) => Promise<Response>;

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const url = new URL(request.url);
  // The e-mail callback signs in, so it only runs when our own continue page's button sent the
  // browser here. Arriving from anywhere else (a mail client, a scanner that found the URL, a
  // pasted link) shows that page instead, and the link stays unspent.
  if (url.pathname === emailCallbackPath) {
    const site = request.headers.get("sec-fetch-site");
    if (site && site !== "same-origin") {
      const link = parseEmailCallback(`${env.APP_URL}${url.pathname}${url.search}`);
      const target = link
        ? continueUrlFor(`${env.APP_URL}${emailCallbackPath}?${new URLSearchParams({ callbackUrl: link.callbackUrl, token: link.token, email: link.email })}`, link.locale)
        : `${env.APP_URL}/organiser/sign-in?error=Verification`;
      return new Response(null, { status: 303, headers: { Location: target, "Cache-Control": "no-store" } });
    }
  }
  return nextAuth(request, context);
}

// next-auth's POSTs (sign-in, sign-out) carry its CSRF token; the Origin check comes first anyway.
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const refused = refuseForeignOrigin(request);
  if (refused) return refused;
  // Sign-in and sign-out forms are a few fields: nothing bigger is read, however it is sent.
  const body = await readLimitedText(request, 16_384);
  if (body === null) return payloadTooLargeResponse();
  return nextAuth(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
}
