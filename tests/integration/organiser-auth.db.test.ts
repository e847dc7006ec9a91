import NextAuth, { getServerSession } from "next-auth";
import { describe, expect, it } from "vitest";
import type { OrganiserSignInProps } from "../../emails/organiser-sign-in";
import { authOptions, sessionCookieName } from "../../lib/auth/options";
import { requestSignInLink } from "../../lib/auth/sign-in";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { inviteMember } from "../../lib/organisations/invite-member";
import { removeMember } from "../../lib/organisations/remove-member";
import { createOrganisationWithMembers, organiserEmail, requestFrom } from "../fixtures/organisers";
import { mailsTo } from "../fixtures/sealed-mail";

// next-auth itself, through its public (pages-style) API handler, against the real adapter and
// database: the links Nida makes are the links next-auth accepts, and its rules are Nida's rules.
type Call = { method: "GET" | "POST"; action: string[]; query?: Record<string, string>; body?: Record<string, string>; cookies?: Record<string, string> };
type Reply = { status: number; location: string | undefined; cookies: Record<string, string>; body: unknown };

async function nextAuth(call: Call): Promise<Reply> {
  const headers = new Map<string, unknown>();
  const reply: Reply = { status: 200, location: undefined, cookies: {}, body: undefined };
  const res = {
    status(code: number) {
      reply.status = code;
      return res;
    },
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end() {},
    send(body: unknown) {
      reply.body = body;
    },
    json(body: unknown) {
      reply.body = body;
    },
  };
  const req = { method: call.method, query: { nextauth: call.action, ...call.query }, body: call.body, cookies: call.cookies ?? {}, headers: { host: new URL(env.APP_URL).host } };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, authOptions);
  reply.location = headers.get("location") as string | undefined;
  for (const cookie of [headers.get("set-cookie") ?? []].flat() as string[]) {
    const [pair] = cookie.split(";");
    const [name, ...value] = pair!.split("=");
    reply.cookies[name!] = decodeURIComponent(value.join("="));
  }
  return reply;
}

// next-auth redirects a failure to its own /api/auth/error (or verify-request) first, which then
// redirects to Nida's page: follow those hops, as a browser would.
async function nextAuthFollowing(call: Call): Promise<Reply> {
  let reply = await nextAuth(call);
  while (reply.location?.startsWith(`${env.APP_URL}/api/auth/`)) {
    const next = new URL(reply.location);
    reply = await nextAuth({ method: "GET", action: next.pathname.replace("/api/auth/", "").split("/"), query: Object.fromEntries(next.searchParams) });
  }
  return reply;
}

async function latestLinkTo(email: string) {
  const message = (await mailsTo(email)).at(-1);
  if (!message) throw new Error(`no e-mail to ${email}`);
  const continueUrl = new URL((message.payload as OrganiserSignInProps).continueUrl);
  const callback = new URL(continueUrl.searchParams.get("callback")!);
  return { continueUrl, callback, query: Object.fromEntries(callback.searchParams) };
}

async function sessionFor(sessionToken: string | undefined) {
  if (!sessionToken) return null;
  return getServerSession({ headers: { host: new URL(env.APP_URL).host }, cookies: { [sessionCookieName]: sessionToken } } as never, { getHeader() {}, setHeader() {} } as never, authOptions);
}

describe("signing in with next-auth", () => {
  it("accepts the link Nida's form sends: a session for that member, then lands in the organiser area", async () => {
    const { members } = await createOrganisationWithMembers({ owner: "OWNER" });
    await requestSignInLink({ email: members.owner.email, locale: "ar", next: "/ar/organiser/members", headers: requestFrom() });
    const link = await latestLinkTo(members.owner.email);

    const signedIn = await nextAuth({ method: "GET", action: ["callback", "email"], query: link.query });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe(`${env.APP_URL}/ar/organiser/members`);
    const token = signedIn.cookies[sessionCookieName];
    expect(token).toBeTruthy();
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken: token } });
    expect(session.userId).toBe(members.owner.userId);
    expect((await sessionFor(token))?.user).toMatchObject({ email: members.owner.email, id: members.owner.userId });

    // A link works once.
    const again = await nextAuthFollowing({ method: "GET", action: ["callback", "email"], query: link.query });
    expect(again.location).toMatch(/\/organiser\/sign-in\?error=Verification$/);
    expect(again.cookies[sessionCookieName]).toBeUndefined();
  });

  it("makes the language a link was asked for in the member's own once the link is used, and only then", async () => {
    const { members } = await createOrganisationWithMembers({ owner: "OWNER" });
    const language = async () => (await db.user.findUniqueOrThrow({ where: { id: members.owner.userId }, select: { locale: true } })).locale;
    expect(await language()).toBeNull();
    await requestSignInLink({ email: members.owner.email, locale: "tr", next: "/tr/organiser", headers: requestFrom() });
    const turkish = await latestLinkTo(members.owner.email);
    // Asking for a link changes nothing: anyone can ask for one in any member's name.
    expect(await language()).toBeNull();
    expect((await nextAuth({ method: "GET", action: ["callback", "email"], query: turkish.query })).status).toBe(302);
    expect(await language()).toBe("tr");

    await requestSignInLink({ email: members.owner.email, locale: "de", next: "/de/organiser", headers: requestFrom("198.51.100.77") });
    expect(await language()).toBe("tr");
    // A link that does not sign in (a used one) changes nothing either.
    await nextAuthFollowing({ method: "GET", action: ["callback", "email"], query: turkish.query });
    expect(await language()).toBe("tr");
    await nextAuth({ method: "GET", action: ["callback", "email"], query: (await latestLinkTo(members.owner.email)).query });
    expect(await language()).toBe("de");
  });

  it("accepts an invitation link, and refuses it once the member has been removed", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    const first = organiserEmail("invited");
    const second = organiserEmail("invited");
    await inviteMember({ actor: members.owner, organisationId: organisation.id, email: first, role: "VIEWER", locale: "en" });
    await inviteMember({ actor: members.owner, organisationId: organisation.id, email: second, role: "VIEWER", locale: "en" });

    const accepted = await nextAuth({ method: "GET", action: ["callback", "email"], query: (await latestLinkTo(first)).query });
    expect(accepted.location).toBe(`${env.APP_URL}/en/organiser`);
    expect(accepted.cookies[sessionCookieName]).toBeTruthy();

    // Removed before using the link: the unused link is gone, and no session is made.
    const link = await latestLinkTo(second);
    const user = await db.user.findUniqueOrThrow({ where: { email: second } });
    await removeMember({ actor: members.owner, organisationId: organisation.id, member: user.id });
    const refused = await nextAuthFollowing({ method: "GET", action: ["callback", "email"], query: link.query });
    expect(refused.location).toMatch(/\/organiser\/sign-in\?error=/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a valid token for someone who is not a member", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", leaving: "VIEWER" });
    // A link issued while they were a member, used after they left another way (organisation deleted).
    await requestSignInLink({ email: members.leaving.email, locale: "en", headers: requestFrom() });
    const link = await latestLinkTo(members.leaving.email);
    await db.membership.deleteMany({ where: { userId: members.leaving.userId, organisationId: organisation.id } });
    const refused = await nextAuthFollowing({ method: "GET", action: ["callback", "email"], query: link.query });
    expect(refused.location).toMatch(/\/organiser\/sign-in\?error=AccessDenied$/);
    expect(await db.session.count({ where: { userId: members.leaving.userId } })).toBe(0);
  });

  it("ends a session the moment its row is deleted (removal, sign-out)", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", organiser: "ORGANISER" });
    await requestSignInLink({ email: members.organiser.email, locale: "en", headers: requestFrom() });
    const signedIn = await nextAuth({ method: "GET", action: ["callback", "email"], query: (await latestLinkTo(members.organiser.email)).query });
    const token = signedIn.cookies[sessionCookieName];
    expect(await sessionFor(token)).not.toBeNull();
    await removeMember({ actor: members.owner, organisationId: organisation.id, member: members.organiser.userId });
    expect(await sessionFor(token)).toBeNull();
  });

  describe("next-auth's own sign-in endpoint (POST /api/auth/signin/email)", () => {
    async function postSignIn(email: string, follow: boolean): Promise<Reply> {
      const csrf = await nextAuth({ method: "GET", action: ["csrf"] });
      const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
      const call: Call = { method: "POST", action: ["signin", "email"], body: { email, csrfToken, callbackUrl: `${env.APP_URL}/ar/organiser` }, cookies: csrf.cookies };
      return follow ? nextAuthFollowing(call) : nextAuth(call);
    }

    // Links are sent by Nida's sign-in form only, within its limits per address and per client:
    // asked through next-auth, nobody is sent anything, however often.
    it("sends a member nothing, however often it is asked, and stores nothing", async () => {
      const { members } = await createOrganisationWithMembers({ owner: "OWNER" });
      for (let i = 0; i < 5; i++) {
        const reply = await postSignIn(members.owner.email, true);
        expect(reply.location).toMatch(/\/organiser\/sign-in\?error=AccessDenied$/);
      }
      expect(await mailsTo(members.owner.email)).toHaveLength(0);
      expect(await db.verificationToken.count({ where: { identifier: members.owner.email } })).toBe(0);
    });

    it("answers a non-member with the very same redirect as a member", async () => {
      const { members } = await createOrganisationWithMembers({ owner: "OWNER" });
      const email = organiserEmail("stranger");
      const stranger = await postSignIn(email, false);
      const member = await postSignIn(members.owner.email, false);
      expect(stranger.status).toBe(member.status);
      expect(stranger.location).toBe(member.location);
      expect(await mailsTo([email, members.owner.email])).toHaveLength(0);
      expect(await db.verificationToken.count({ where: { identifier: { in: [email, members.owner.email] } } })).toBe(0);
    });
  });
});
