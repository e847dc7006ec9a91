import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db";
import { db } from "../db";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/locales";
import { appSecret } from "../secrets";

// Sign-in links are next-auth v4 Email-provider links, made exactly as next-auth makes them
// (core/lib/email/signin.js): 32 random bytes in hex, stored only as sha256(token + secret) in
// verification_tokens under the e-mail address, and checked by /api/auth/callback/email.
export const signInLinkTtlSeconds = 60 * 60;
export const invitationLinkTtlSeconds = 7 * 24 * 60 * 60;

export const emailCallbackPath = "/api/auth/callback/email";

function hashVerificationToken(token: string): string {
  return createHash("sha256").update(`${token}${appSecret()}`).digest("hex");
}

export type SignInLink = {
  // next-auth's callback URL: using it signs in, so it is never put in an e-mail by itself.
  callbackUrl: string;
  // Our own page that shows a Sign in button for it: what the e-mail links to.
  continueUrl: string;
  expires: Date;
};

// Where a signed-in organiser lands: a path of the organiser area, in the given language.
export function organiserPath(locale: Locale, next?: string | null): string {
  return (next && organiserPathOf(next)) || `/${locale}/organiser`;
}

// The path (and query) itself when `value` is a page of the organiser area on this site, else null.
function organiserPathOf(value: string): string | null {
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  const url = new URL(value, env.APP_URL);
  const ours = url.origin === new URL(env.APP_URL).origin && /^\/[a-z]{2}\/organiser(\/|$)/.test(url.pathname) && isLocale(url.pathname.slice(1, 3)) && !url.pathname.includes("/sign-in");
  return ours ? `${url.pathname}${url.search}` : null;
}

// `baseUrl` is this server's address, or for a command run beside it, the address it serves.
export function continueUrlFor(callbackUrl: string, locale: Locale, baseUrl = env.APP_URL): string {
  return `${baseUrl}/${locale}/organiser/sign-in/continue?${new URLSearchParams({ callback: callbackUrl })}`;
}

// `baseUrl`: as for continueUrlFor.
export type SignInLinkOptions = { email: string; locale: Locale; next?: string | null; ttlSeconds: number; baseUrl?: string };

// A new link and the hash its token is stored under; nothing is stored yet.
export function newSignInLink(options: SignInLinkOptions): SignInLink & { tokenHash: string } {
  const baseUrl = options.baseUrl ?? env.APP_URL;
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + options.ttlSeconds * 1000);
  const params = new URLSearchParams({ callbackUrl: `${baseUrl}${organiserPath(options.locale, options.next)}`, token, email: options.email });
  const callbackUrl = `${baseUrl}${emailCallbackPath}?${params}`;
  return { callbackUrl, continueUrl: continueUrlFor(callbackUrl, options.locale, baseUrl), expires, tokenHash: hashVerificationToken(token) };
}

export async function createSignInLink(tx: Pick<Tx, "verificationToken">, options: SignInLinkOptions): Promise<SignInLink> {
  const { tokenHash, ...link } = newSignInLink(options);
  await tx.verificationToken.create({ data: { identifier: options.email, token: tokenHash, expires: link.expires, locale: options.locale } });
  return link;
}

// Where the continue page's button posts: next-auth's callback with the link's token. Only a POST
// there signs in (app/api/auth/[...nextauth]/route.ts); opening the link itself never does.
export function signInFormAction(link: Pick<EmailCallback, "token" | "email" | "callbackUrl">): string {
  return `${emailCallbackPath}?${new URLSearchParams({ callbackUrl: link.callbackUrl, token: link.token, email: link.email })}`;
}

export type EmailCallback = { token: string; email: string; callbackUrl: string; locale: Locale };

// Accepts only next-auth's e-mail callback on this very site, with a well-formed token: the
// continue page must never become a button that sends someone elsewhere.
export function parseEmailCallback(value: string | null | undefined): EmailCallback | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!value.startsWith(`${env.APP_URL}${emailCallbackPath}?`) || url.origin !== new URL(env.APP_URL).origin || url.pathname !== emailCallbackPath) return null;
  const token = url.searchParams.get("token") ?? "";
  const email = url.searchParams.get("email") ?? "";
  const callbackUrl = url.searchParams.get("callbackUrl") ?? "";
  if (!/^[0-9a-f]{64}$/.test(token) || !email.includes("@")) return null;
  let next: string | null = null;
  try {
    const target = new URL(callbackUrl, env.APP_URL);
    if (target.origin === new URL(env.APP_URL).origin) next = `${target.pathname}${target.search}`;
  } catch {
    next = null;
  }
  const localeMatch = next?.match(/^\/([a-z]{2})\//)?.[1];
  const locale: Locale = isLocale(localeMatch) ? localeMatch : "en";
  return { token, email, callbackUrl: `${env.APP_URL}${organiserPath(locale, next)}`, locale };
}

// Whether a link would still sign in, without spending it: the continue page says so up front.
export async function signInLinkState(link: { token: string; email: string }): Promise<"valid" | "expired" | "invalid"> {
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier: link.email, token: hashVerificationToken(link.token) } },
    select: { expires: true },
  });
  if (!row) return "invalid";
  return row.expires.getTime() < Date.now() ? "expired" : "valid";
}
