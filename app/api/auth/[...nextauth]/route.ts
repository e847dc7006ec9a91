import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { continueUrlFor, emailCallbackPath, parseEmailCallback, signInFormAction } from "@/lib/auth/verification";
import { env } from "@/lib/env";
import { payloadTooLargeResponse, readLimitedText } from "@/lib/http/body-limit";
import { refuseForeignOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: Context) => Promise<Response>;

// Links are sent by Nida's sign-in form only (lib/auth/sign-in.ts, with its limits); next-auth's
// own way of asking for one is closed.
const signInRequestPath = /^\/api\/auth\/signin(\/|$)/;

const noStore = { "Cache-Control": "no-store" };

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const url = new URL(request.url);
  // Opening a sign-in link never signs in and never spends it, whoever opens it and whatever the
  // request's headers say (a mail scanner sends none): it shows the continue page, whose button
  // posts the link back (see POST).
  if (url.pathname === emailCallbackPath) {
    const link = parseEmailCallback(`${env.APP_URL}${url.pathname}${url.search}`);
    const target = link ? continueUrlFor(`${env.APP_URL}${signInFormAction(link)}`, link.locale) : `${env.APP_URL}/organiser/sign-in?error=Verification`;
    return new Response(null, { status: 303, headers: { Location: target, ...noStore } });
  }
  return nextAuth(request, context);
}

// next-auth's POSTs: the continue page's Sign in button (the e-mail callback, the only request
// that signs in) and signing out (with next-auth's CSRF token). The Origin check comes first.
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const refused = refuseForeignOrigin(request);
  if (refused) return refused;
  // Sign-in and sign-out forms are a few fields: nothing bigger is read, however it is sent.
  const body = await readLimitedText(request, 16_384);
  if (body === null) return payloadTooLargeResponse();
  if (signInRequestPath.test(new URL(request.url).pathname)) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: noStore });
  return nextAuth(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
}
