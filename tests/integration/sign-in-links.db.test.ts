import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import type { OrganiserSignInProps } from "../../emails/organiser-sign-in";
import { maxUnusedLinksPerAddress, maxUnusedLinksPerClient, requestSignInLink, signInLinkIntervalSeconds } from "../../lib/auth/sign-in";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { createOrganisationWithMembers, organiserClient, organiserEmail, requestFrom } from "../fixtures/organisers";
import { mailsTo } from "../fixtures/sealed-mail";

const { GET, POST } = await import("../../app/api/auth/[...nextauth]/route");

const linksTo = async (email: string) => (await mailsTo(email, { template: "organiser-sign-in" })).length;

async function member() {
  const { members } = await createOrganisationWithMembers({ owner: "OWNER" });
  return members.owner.email;
}

function ask(email: string, client: string) {
  return requestSignInLink({ email, locale: "en", headers: requestFrom(client) });
}

// As if `seconds` had passed since the links to this address were sent (they stay valid).
async function letTimePass(email: string, seconds: number) {
  await db.$executeRaw`UPDATE sign_in_requests r SET created_at = r.created_at - make_interval(secs => ${seconds}) FROM verification_tokens t WHERE t.token = r.token_hash AND t.identifier = ${email}`;
  await db.$executeRaw`UPDATE verification_tokens SET expires = expires - make_interval(secs => ${seconds}) WHERE identifier = ${email}`;
}

// The link a sign-in e-mail carries, as next-auth's callback reads it.
async function latestLink(email: string) {
  const message = (await mailsTo(email)).at(-1);
  const continueUrl = new URL((message!.payload as OrganiserSignInProps).continueUrl);
  return new URL(continueUrl.searchParams.get("callback")!);
}

// Using a link spends its token, as next-auth's callback does.
async function spendLatestLink(email: string) {
  const link = await latestLink(email);
  await db.verificationToken.deleteMany({ where: { identifier: email } });
  return link;
}

describe("the sign-in form's limits", () => {
  it("lets an outsider neither flood a member's inbox nor keep the member out", async () => {
    const email = await member();
    const outsider = organiserClient();
    for (let i = 0; i < 10; i++) await ask(email, outsider);
    // Beyond its few unused links, the outsider's requests are dropped, silently.
    expect(await linksTo(email)).toBe(maxUnusedLinksPerClient);

    // The member, from their own client: the links just sent are in their inbox; a minute later
    // they are sent a new one all the same.
    const own = organiserClient();
    await ask(email, own);
    expect(await linksTo(email)).toBe(maxUnusedLinksPerClient);
    await letTimePass(email, signInLinkIntervalSeconds + 1);
    await ask(email, own);
    expect(await linksTo(email)).toBe(maxUnusedLinksPerClient + 1);

    // The outsider still gets nothing sent, while its links are unused.
    await letTimePass(email, signInLinkIntervalSeconds + 1);
    await ask(email, outsider);
    expect(await linksTo(email)).toBe(maxUnusedLinksPerClient + 1);
  });

  it("sends an address one link a minute, however many clients ask, once it holds a few unused", async () => {
    const email = await member();
    for (let i = 0; i < 3 * maxUnusedLinksPerAddress; i++) await ask(email, organiserClient());
    expect(await linksTo(email)).toBe(maxUnusedLinksPerAddress);
    for (let minute = 1; minute <= 3; minute++) {
      await letTimePass(email, signInLinkIntervalSeconds + 1);
      for (let i = 0; i < 3; i++) await ask(email, organiserClient());
      expect(await linksTo(email)).toBe(maxUnusedLinksPerAddress + minute);
    }
  });

  it("frees a link's place once it is used: a member who signs in each time can always ask again", async () => {
    const email = await member();
    const own = organiserClient();
    for (let i = 0; i < 2 * maxUnusedLinksPerClient; i++) {
      await ask(email, own);
      await spendLatestLink(email);
    }
    expect(await linksTo(email)).toBe(2 * maxUnusedLinksPerClient);
  });

  it("counts a client's unused links across addresses, and a member's never against another's client", async () => {
    const addresses = await Promise.all(Array.from({ length: maxUnusedLinksPerClient + 2 }, () => member()));
    const client = organiserClient();
    for (const email of addresses) await ask(email, client);
    const sent = await Promise.all(addresses.map(linksTo));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(maxUnusedLinksPerClient);
    // The addresses left out are sent a link at once from any other client.
    const left = addresses.filter((_, i) => sent[i] === 0);
    for (const email of left) await ask(email, organiserClient());
    expect(await Promise.all(left.map(linksTo))).toEqual(left.map(() => 1));
  });

  it("holds the limits when the requests come all at once", async () => {
    const email = await member();
    const client = organiserClient();
    await Promise.all(Array.from({ length: 3 * maxUnusedLinksPerClient }, () => ask(email, client)));
    expect(await linksTo(email)).toBe(maxUnusedLinksPerClient);
    const crowd = await member();
    await Promise.all(Array.from({ length: 3 * maxUnusedLinksPerAddress }, () => ask(crowd, organiserClient())));
    expect(await linksTo(crowd)).toBe(maxUnusedLinksPerAddress);
  });

  it("sends a stranger nothing, and a stranger's requests do not count against the client", async () => {
    const stranger = organiserEmail("stranger");
    const client = organiserClient();
    for (let i = 0; i < 3; i++) await ask(stranger, client);
    expect(await linksTo(stranger)).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: stranger } })).toBe(0);
    // A stranger's requests do not count against the client: a member is sent links from it.
    const email = await member();
    await ask(email, client);
    expect(await linksTo(email)).toBe(1);
  });
});

describe("next-auth's routes", () => {
  const route = (path: string, init?: ConstructorParameters<typeof NextRequest>[1]) => new NextRequest(`${env.APP_URL}${path}`, init);
  const context = (...segments: string[]) => ({ params: Promise.resolve({ nextauth: segments }) });

  it("never signs in, nor spends the link, when the link is opened, whatever the headers say", async () => {
    const email = await member();
    await ask(email, organiserClient());
    const link = await latestLink(email);
    for (const headers of [{}, { "sec-fetch-site": "same-origin" }, { "sec-fetch-site": "none" }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
      const response = await GET(route(`${link.pathname}${link.search}`, { headers }), context("callback", "email"));
      expect(response.status).toBe(303);
      expect(response.headers.get("set-cookie")).toBeNull();
      const target = new URL(response.headers.get("location")!);
      expect(target.pathname).toBe("/en/organiser/sign-in/continue");
      expect(new URL(target.searchParams.get("callback")!).searchParams.get("token")).toBe(link.searchParams.get("token"));
    }
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);
  });

  it("does not take requests for a link (only Nida's sign-in form sends them)", async () => {
    const email = await member();
    const body = new URLSearchParams({ email, csrfToken: "x", callbackUrl: `${env.APP_URL}/en/organiser` });
    const response = await POST(
      route("/api/auth/signin/email", { method: "POST", body, headers: { origin: new URL(env.APP_URL).origin, "content-type": "application/x-www-form-urlencoded" } }),
      context("signin", "email"),
    );
    expect(response.status).toBe(404);
    expect(await linksTo(email)).toBe(0);
  });
});
