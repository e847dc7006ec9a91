import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import { db } from "../db";
import { env } from "../env";
import { isLocale } from "../i18n/locales";
import { appSecret } from "../secrets";
import { normaliseOrganiserEmail } from "./organiser-email";
import { isMemberUser } from "./sign-in";
import { signInLinkTtlSeconds } from "./verification";

export const useSecureCookies = env.APP_URL.startsWith("https://");
// next-auth's own name for the session cookie (with the __Secure- prefix over https).
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;

// Without a locale, the language middleware picks one from the browser (Accept-Language).
const checkEmailPath = "/organiser/sign-in/check-email";

// Nida's one Prisma client; the adapter's types name @prisma/client, ours is generated elsewhere.
const prismaAdapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter;

export const authOptions: NextAuthOptions = {
  adapter: {
    ...prismaAdapter,
    // A link used tells the language its member asked for it in: Nida's e-mails to them are then in
    // it. Only using the link does this, so nobody else can change the language someone is written to in.
    async useVerificationToken(params) {
      const token = await prismaAdapter.useVerificationToken!(params);
      const locale = (token as { locale?: unknown } | null)?.locale;
      if (token && isLocale(locale)) await db.user.updateMany({ where: { email: token.identifier }, data: { locale } });
      return token;
    },
  },
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
      // Links are only ever sent by Nida's own sign-in form (lib/auth/sign-in.ts), within its limits
      // on each address and client; next-auth's own way of asking for one is closed (see signIn).
      sendVerificationRequest() {
        throw new Error("sign-in links are sent by requestSignInLink only");
      },
    }),
  ],
  pages: { signIn: "/organiser/sign-in", verifyRequest: checkEmailPath, error: "/organiser/sign-in" },
  callbacks: {
    async signIn({ user, email }) {
      // Asking for a link through next-auth (POST /api/auth/signin/email): refused for everyone
      // alike, before any look-up, and the route answers 404 before it gets here anyway.
      if (email?.verificationRequest) return false;
      // Using a link: only someone who is still a member gets a session.
      return isMemberUser(user.id);
    },
    session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
};
