import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import { db } from "../db";
import { env } from "../env";
import { wakeOutbox } from "../mail/send-email";
import { appSecret } from "../secrets";
import { normaliseOrganiserEmail } from "./organiser-email";
import { isMemberUser, isOrganiserMember, queueSignInEmail } from "./sign-in";
import { continueUrlFor, parseEmailCallback, signInLinkTtlSeconds } from "./verification";

export const useSecureCookies = env.APP_URL.startsWith("https://");
// next-auth's own name for the session cookie (with the __Secure- prefix over https).
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
export const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;

// Without a locale, the language middleware picks one from the browser (Accept-Language).
const checkEmailPath = "/organiser/sign-in/check-email";

export const authOptions: NextAuthOptions = {
  // Nida's one Prisma client; the adapter's types name @prisma/client, ours is generated elsewhere.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter,
  // Sessions live in the database, so deleting a row ends a session at once (sign-out, removal).
  session: { strategy: "database", maxAge: sessionMaxAgeSeconds, updateAge: 24 * 60 * 60 },
  // A getter: the secret is read (or created) when a request needs it, not when the build imports this.
  get secret() {
    return appSecret();
  },
  useSecureCookies,
  providers: [
    EmailProvider({
      maxAge: signInLinkTtlSeconds,
      normalizeIdentifier: normaliseOrganiserEmail,
      // Used when a client posts to /api/auth/signin/email; Nida's own form makes the same link
      // itself (lib/auth/sign-in.ts). Either way the e-mail goes through the outbox and links to
      // the continue page, never to the callback that signs in.
      async sendVerificationRequest({ identifier, url, expires }) {
        const locale = parseEmailCallback(url)?.locale ?? "en";
        const validHours = Math.max(1, Math.round((expires.getTime() - Date.now()) / 3_600_000));
        await db.$transaction((tx) => queueSignInEmail(tx, { email: identifier, locale, continueUrl: continueUrlFor(url, locale), validHours }));
        wakeOutbox();
      },
    }),
  ],
  pages: { signIn: "/organiser/sign-in", verifyRequest: checkEmailPath, error: "/organiser/sign-in" },
  callbacks: {
    async signIn({ user, email }) {
      if (email?.verificationRequest) {
        // Asking for a link: a non-member is sent nothing, and gets the very redirect a member gets.
        return user.email && (await isOrganiserMember(user.email)) ? true : `${env.APP_URL}/api/auth/verify-request?provider=email&type=email`;
      }
      // Using a link: only someone who is still a member gets a session.
      return isMemberUser(user.id);
    },
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
};
