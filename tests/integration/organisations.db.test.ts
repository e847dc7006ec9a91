import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OrganiserSignInProps } from "../../emails/organiser-sign-in";
import { requestSignInLink } from "../../lib/auth/sign-in";
import { addConfirmed } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { readTranslations } from "../../lib/i18n/translations";
import { env } from "../../lib/env";
import { changeRole } from "../../lib/organisations/change-role";
import { createOrganisation, slugFromName } from "../../lib/organisations/create-organisation";
import { addMemberFromCommandLine, inviteMember } from "../../lib/organisations/invite-member";
import { organiserDashboard } from "../../lib/organisations/organiser-dashboard";
import { removeMember } from "../../lib/organisations/remove-member";
import { appSecret } from "../../lib/secrets";
import { createCampaign } from "../fixtures/factories";
import { actorOf, createMember, createOrganisationWithMembers, createSession, organiserEmail, requestFrom } from "../fixtures/organisers";
import { expectAppError } from "../fixtures/app-errors";
import { mailsTo } from "../fixtures/sealed-mail";
import { createSealedSignature, createSealedSupporter } from "../fixtures/sealed-signers";



const auditOf = (organisationId: string) => db.auditEntry.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" } });
const roleOf = async (userId: string, organisationId: string) =>
  (await db.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } }))?.role ?? null;
const mailTo = (email: string) => mailsTo(email);

// The link an e-mail carries: the continue page, whose `callback` is next-auth's callback URL.
function linkIn(message: { payload: unknown }) {
  const props = message.payload as OrganiserSignInProps;
  const continueUrl = new URL(props.continueUrl);
  const callback = new URL(continueUrl.searchParams.get("callback")!);
  return { props, continueUrl, callback, token: callback.searchParams.get("token")!, email: callback.searchParams.get("email")! };
}

describe("inviteMember", () => {
  it("lets an owner add a new person: user, membership, invitation e-mail with a sign-in link, audit entry", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    const email = organiserEmail("invitee");
    const invited = await inviteMember({ actor: members.owner, organisationId: organisation.id, email: `  ${email.toUpperCase()} `, role: "ORGANISER", locale: "ar" });

    expect(invited).toMatchObject({ email, role: "ORGANISER" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await roleOf(user.id, organisation.id)).toBe("ORGANISER");

    const [message, ...others] = await mailTo(email);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ template: "organiser-sign-in", locale: "ar", status: "PENDING" });
    const link = linkIn(message!);
    // The organisation has no Arabic name: the invitation names it in English.
    expect(link.props.invitation).toEqual({ organisationName: readTranslations(organisation.name).en, role: "ORGANISER", invitedBy: members.owner.email });
    expect(link.props.validHours).toBe(7 * 24);
    // The e-mail links to our continue page, never straight to the callback that signs in.
    expect(`${link.continueUrl.origin}${link.continueUrl.pathname}`).toBe(`${env.APP_URL}/ar/organiser/sign-in/continue`);
    expect(`${link.callback.origin}${link.callback.pathname}`).toBe(`${env.APP_URL}/api/auth/callback/email`);
    expect(link.email).toBe(email);
    expect(link.callback.searchParams.get("callbackUrl")).toBe(`${env.APP_URL}/ar/organiser`);

    // Stored exactly as next-auth v4 stores it: sha256(token + secret), under the address.
    const stored = await db.verificationToken.findMany({ where: { identifier: email } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token).toBe(createHash("sha256").update(`${link.token}${appSecret()}`).digest("hex"));
    expect(stored[0]!.token).not.toContain(link.token);
    const days = (stored[0]!.expires.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const audit = await auditOf(organisation.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "member.invite", userId: members.owner.userId, affected: 1, details: { email, role: "ORGANISER" } });
  });

  it("adds someone who already belongs to another organisation without a second user", async () => {
    const first = await createOrganisationWithMembers({ owner: "OWNER", viewer: "VIEWER" });
    const second = await createOrganisationWithMembers({ owner: "OWNER" });
    await inviteMember({ actor: second.members.owner, organisationId: second.organisation.id, email: first.members.viewer.email, role: "VIEWER", locale: "en" });
    expect(await db.user.count({ where: { email: first.members.viewer.email } })).toBe(1);
    expect(await roleOf(first.members.viewer.userId, second.organisation.id)).toBe("VIEWER");
    expect(await roleOf(first.members.viewer.userId, first.organisation.id)).toBe("VIEWER");
  });

  it("refuses a current member, an invalid address and a missing role, per field, and sends nothing", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", viewer: "VIEWER" });
    const invite = (email: unknown, role: unknown) => inviteMember({ actor: members.owner, organisationId: organisation.id, email, role, locale: "en" });
    await expectAppError(invite(members.viewer.email, "OWNER"), "VALIDATION", { email: "alreadyMember" });
    await expectAppError(invite("not-an-address", "VIEWER"), "VALIDATION", { email: "emailInvalid" });
    await expectAppError(invite("", "VIEWER"), "VALIDATION", { email: "emailRequired" });
    await expectAppError(invite(organiserEmail(), "ADMIN"), "VALIDATION", { role: "roleInvalid" });
    expect(await roleOf(members.viewer.userId, organisation.id)).toBe("VIEWER");
    expect(await mailTo(members.viewer.email)).toEqual([]);
    expect(await auditOf(organisation.id)).toEqual([]);
  });

  it.each(["ORGANISER", "VIEWER"] as const)("refuses an %s: only owners invite", async (role) => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", member: role });
    const email = organiserEmail("refused");
    await expectAppError(inviteMember({ actor: members.member, organisationId: organisation.id, email, role: "VIEWER", locale: "en" }), "FORBIDDEN");
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    expect(await mailTo(email)).toEqual([]);
    expect(await auditOf(organisation.id)).toEqual([]);
  });

  it("refuses the owner of another organisation", async () => {
    const target = await createOrganisationWithMembers({ owner: "OWNER" });
    const outsider = await createOrganisationWithMembers({ owner: "OWNER" });
    const email = organiserEmail("refused");
    await expectAppError(inviteMember({ actor: outsider.members.owner, organisationId: target.organisation.id, email, role: "OWNER", locale: "en" }), "FORBIDDEN");
    expect(await db.membership.count({ where: { organisationId: target.organisation.id } })).toBe(1);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("keeps one membership when the same address is invited twice at once", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    const email = organiserEmail("twice");
    const results = await Promise.allSettled([1, 2].map(() => inviteMember({ actor: members.owner, organisationId: organisation.id, email, role: "VIEWER", locale: "en" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "VALIDATION", fields: { email: "alreadyMember" } });
    expect(await db.membership.count({ where: { organisationId: organisation.id } })).toBe(2);
    expect(await mailTo(email)).toHaveLength(1);
  });
});

describe("changeRole", () => {
  it("lets an owner change a member's role, and records from and to", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", viewer: "VIEWER" });
    const result = await changeRole({ actor: members.owner, organisationId: organisation.id, member: members.viewer.userId, role: "ORGANISER" });
    expect(result).toMatchObject({ from: "VIEWER", to: "ORGANISER", changed: true });
    expect(await roleOf(members.viewer.userId, organisation.id)).toBe("ORGANISER");
    const [entry] = await auditOf(organisation.id);
    expect(entry).toMatchObject({ action: "member.role", userId: members.owner.userId, affected: 1, details: { email: members.viewer.email, from: "VIEWER", to: "ORGANISER" } });
  });

  it("records nothing when the role is already the one asked for", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", viewer: "VIEWER" });
    const result = await changeRole({ actor: members.owner, organisationId: organisation.id, member: members.viewer.userId, role: "VIEWER" });
    expect(result.changed).toBe(false);
    expect(await auditOf(organisation.id)).toEqual([]);
  });

  it.each(["ORGANISER", "VIEWER"] as const)("refuses an %s, even about themselves", async (role) => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", member: role });
    await expectAppError(changeRole({ actor: members.member, organisationId: organisation.id, member: members.member.userId, role: "OWNER" }), "FORBIDDEN");
    await expectAppError(changeRole({ actor: members.member, organisationId: organisation.id, member: members.owner.userId, role: "VIEWER" }), "FORBIDDEN");
    expect(await roleOf(members.member.userId, organisation.id)).toBe(role);
    expect(await roleOf(members.owner.userId, organisation.id)).toBe("OWNER");
  });

  it("refuses the owner of another organisation", async () => {
    const target = await createOrganisationWithMembers({ owner: "OWNER", viewer: "VIEWER" });
    const outsider = await createOrganisationWithMembers({ owner: "OWNER" });
    await expectAppError(changeRole({ actor: outsider.members.owner, organisationId: target.organisation.id, member: target.members.viewer.userId, role: "OWNER" }), "FORBIDDEN");
    expect(await roleOf(target.members.viewer.userId, target.organisation.id)).toBe("VIEWER");
  });

  it("never demotes the last owner, but demotes one of two", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", second: "OWNER" });
    await changeRole({ actor: members.owner, organisationId: organisation.id, member: members.second.userId, role: "VIEWER" });
    await expectAppError(changeRole({ actor: members.owner, organisationId: organisation.id, member: members.owner.userId, role: "ORGANISER" }), "VALIDATION", { role: "lastOwner" });
    expect(await roleOf(members.owner.userId, organisation.id)).toBe("OWNER");
  });

  it("leaves one owner when two owners demote each other at the same moment", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ a: "OWNER", b: "OWNER" });
    const results = await Promise.allSettled([
      changeRole({ actor: members.a, organisationId: organisation.id, member: members.b.userId, role: "VIEWER" }),
      changeRole({ actor: members.b, organisationId: organisation.id, member: members.a.userId, role: "VIEWER" }),
    ]);
    expect(await db.membership.count({ where: { organisationId: organisation.id, role: "OWNER" } })).toBe(1);
    // Whichever runs second finds its actor demoted already, and is refused.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses someone who is not a member", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    const stranger = await createOrganisationWithMembers({ owner: "OWNER" });
    await expectAppError(changeRole({ actor: members.owner, organisationId: organisation.id, member: stranger.members.owner.userId, role: "VIEWER" }), "VALIDATION", { member: "memberNotFound" });
  });
});

describe("removeMember", () => {
  it("removes the membership and ends every session of that person at once, and records it", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", organiser: "ORGANISER" });
    await createSession(members.organiser.userId);
    await createSession(members.organiser.userId);
    const ownerSession = await createSession(members.owner.userId);

    const result = await removeMember({ actor: members.owner, organisationId: organisation.id, member: members.organiser.userId });
    expect(result).toMatchObject({ email: members.organiser.email, sessionsEnded: 2 });
    expect(await roleOf(members.organiser.userId, organisation.id)).toBeNull();
    expect(await db.session.count({ where: { userId: members.organiser.userId } })).toBe(0);
    expect(await db.session.findUnique({ where: { id: ownerSession.id } })).not.toBeNull();
    const [entry] = await auditOf(organisation.id);
    expect(entry).toMatchObject({
      action: "member.remove",
      userId: members.owner.userId,
      affected: 1,
      details: { email: members.organiser.email, role: "ORGANISER", sessionsEnded: 2 },
    });
  });

  it("never removes the last owner, even at their own request", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", viewer: "VIEWER" });
    await createSession(members.owner.userId);
    await expectAppError(removeMember({ actor: members.owner, organisationId: organisation.id, member: members.owner.userId }), "VALIDATION", { member: "lastOwner" });
    expect(await roleOf(members.owner.userId, organisation.id)).toBe("OWNER");
    expect(await db.session.count({ where: { userId: members.owner.userId } })).toBe(1);
  });

  it("lets an owner leave when another owner remains", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", second: "OWNER" });
    await removeMember({ actor: members.owner, organisationId: organisation.id, member: members.owner.userId });
    expect(await roleOf(members.owner.userId, organisation.id)).toBeNull();
  });

  it.each(["ORGANISER", "VIEWER"] as const)("refuses an %s", async (role) => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", member: role, other: "VIEWER" });
    await createSession(members.other.userId);
    await expectAppError(removeMember({ actor: members.member, organisationId: organisation.id, member: members.other.userId }), "FORBIDDEN");
    expect(await roleOf(members.other.userId, organisation.id)).toBe("VIEWER");
    expect(await db.session.count({ where: { userId: members.other.userId } })).toBe(1);
    expect(await auditOf(organisation.id)).toEqual([]);
  });

  it("refuses the owner of another organisation", async () => {
    const target = await createOrganisationWithMembers({ owner: "OWNER", viewer: "VIEWER" });
    const outsider = await createOrganisationWithMembers({ owner: "OWNER" });
    await expectAppError(removeMember({ actor: outsider.members.owner, organisationId: target.organisation.id, member: target.members.viewer.userId }), "FORBIDDEN");
    expect(await roleOf(target.members.viewer.userId, target.organisation.id)).toBe("VIEWER");
  });

  it("uses the actor's memberships as loaded: a removed owner can no longer act", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", second: "OWNER", viewer: "VIEWER" });
    await removeMember({ actor: members.second, organisationId: organisation.id, member: members.owner.userId });
    const reloaded = await actorOf(members.owner.userId);
    await expectAppError(removeMember({ actor: reloaded, organisationId: organisation.id, member: members.viewer.userId }), "FORBIDDEN");
  });
});

describe("requestSignInLink", () => {
  it("sends a member one e-mail with a one-hour link to the continue page", async () => {
    const { organisation } = await createOrganisationWithMembers({ owner: "OWNER" });
    const member = await createMember(organisation.id, "VIEWER");
    await requestSignInLink({ email: member.email.toUpperCase(), locale: "en", next: "/en/organiser/members?x=1", headers: requestFrom() });
    const [message, ...others] = await mailTo(member.email);
    expect(others).toEqual([]);
    const link = linkIn(message!);
    expect(link.props.invitation).toBeUndefined();
    expect(link.props.validHours).toBe(1);
    expect(link.continueUrl.pathname).toBe("/en/organiser/sign-in/continue");
    expect(link.callback.searchParams.get("callbackUrl")).toBe(`${env.APP_URL}/en/organiser/members?x=1`);
    const [stored] = await db.verificationToken.findMany({ where: { identifier: member.email } });
    expect(stored!.token).toBe(createHash("sha256").update(`${link.token}${appSecret()}`).digest("hex"));
  });

  it("sends nothing, and stores nothing, for an address that is not a member, and says the same", async () => {
    const email = organiserEmail("stranger");
    await expect(requestSignInLink({ email, locale: "en", headers: requestFrom() })).resolves.toBeUndefined();
    // Someone who was a member once, and has been removed.
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", gone: "VIEWER" });
    await removeMember({ actor: members.owner, organisationId: organisation.id, member: members.gone.userId });
    const gone = members.gone;
    await expect(requestSignInLink({ email: gone.email, locale: "en", headers: requestFrom() })).resolves.toBeUndefined();
    expect(await mailTo(email)).toEqual([]);
    expect(await mailTo(gone.email)).toEqual([]);
    expect(await db.verificationToken.count({ where: { identifier: { in: [email, gone.email] } } })).toBe(0);
  });

  it("never sends to somewhere other than the organiser area after sign-in", async () => {
    const { members } = await createOrganisationWithMembers({ owner: "OWNER" });
    for (const next of ["https://evil.example/", "//evil.example/en/organiser", "/en/campaigns/x", "/en/organiser/sign-in/continue"]) {
      await requestSignInLink({ email: members.owner.email, locale: "ar", next, headers: requestFrom() });
    }
    const messages = await mailTo(members.owner.email);
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(linkIn(message).callback.searchParams.get("callbackUrl")).toBe(`${env.APP_URL}/ar/organiser`);
  });

  it("refuses a malformed address per field", async () => {
    await expectAppError(requestSignInLink({ email: "nope", locale: "en", headers: requestFrom() }), "VALIDATION", { email: "emailInvalid" });
    await expectAppError(requestSignInLink({ email: " ", locale: "en", headers: requestFrom() }), "VALIDATION", { email: "emailRequired" });
  });
});

describe("createOrganisation and the command line's invitation", () => {
  it("makes a slug from the name, and finds the same organisation again by name", async () => {
    const name = `Syria Relief & Développement ${organiserEmail().slice(10, 18)}`;
    const created = await createOrganisation({ name });
    expect(created.created).toBe(true);
    expect(created.slug).toBe(slugFromName(name));
    expect(created.slug).toMatch(/^syria-relief-developpement-[a-z0-9-]+$/);
    const again = await createOrganisation({ name: `  ${name.toUpperCase()} ` });
    expect(again).toMatchObject({ id: created.id, created: false });
    expect(await auditOf(created.id)).toMatchObject([{ action: "organisation.create", userId: null, affected: 1 }]);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: created.id }, select: { name: true } })).toEqual({ name: { en: name } });
  });

  it("finds an organisation by its name in any language it has one in", async () => {
    const suffix = organiserEmail().slice(10, 18);
    const existing = await db.organisation.create({ data: { slug: `org-${suffix}`, name: { en: `Civil Defence ${suffix}`, ar: `الدفاع المدني ${suffix}`, tr: `Sivil Savunma ${suffix}` } } });
    expect(await createOrganisation({ name: `الدفاع المدني ${suffix}` })).toMatchObject({ id: existing.id, created: false });
    expect(await createOrganisation({ name: `SIVIL SAVUNMA ${suffix}` })).toMatchObject({ id: existing.id, created: false });
  });

  it("gives a name without Latin letters a slug of its own, and a taken slug a suffix", async () => {
    expect(slugFromName("الدفاع المدني")).toMatch(/^organisation-[0-9a-f]{6}$/);
    const base = `Clash ${organiserEmail().slice(10, 18)}`;
    const first = await createOrganisation({ name: base });
    const second = await createOrganisation({ name: `${base}!` });
    expect(second.id).not.toBe(first.id);
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it("adds an owner and hands back a link to print, or queues the invitation", async () => {
    const organisation = await createOrganisation({ name: `CLI ${organiserEmail().slice(10, 18)}` });
    const email = organiserEmail("first");
    const printed = await addMemberFromCommandLine({ organisationId: organisation.id, email, role: "OWNER", locale: "en", deliver: "print" });
    expect(printed).toMatchObject({ email, role: "OWNER", changed: true, queued: false });
    expect(printed.link.continueUrl).toMatch(new RegExp(`^${env.APP_URL}/en/organiser/sign-in/continue\\?callback=`));
    expect(await mailTo(email)).toEqual([]);

    const queued = await addMemberFromCommandLine({ organisationId: organisation.id, email, role: "OWNER", locale: "ar", deliver: "email" });
    expect(queued).toMatchObject({ changed: false, queued: true });
    const [message] = await mailTo(email);
    expect(linkIn(message!).props.invitation).toEqual({ organisationName: organisation.name.en, role: "OWNER", invitedBy: null });
    expect(await auditOf(organisation.id)).toMatchObject([
      { action: "organisation.create", userId: null },
      { action: "member.invite", userId: null, affected: 1, details: { email, role: "OWNER", via: "command line" } },
    ]);
  });
});

describe("organiserDashboard", () => {
  it("lists the actor's organisations with their campaigns (co-owned ones too) and counts each state on its own", async () => {
    const campaign = await createCampaign({ coOwners: 1 });
    const [lead, coOwner] = campaign.owners;
    const stranger = await createCampaign();
    const member = await createMember(lead!.organisationId, "VIEWER");
    await db.membership.create({ data: { userId: member.userId, organisationId: coOwner!.organisationId, role: "OWNER" } });

    const states = ["PENDING", "PENDING", "CONFIRMED", "INVALIDATED", "FRAUDULENT"] as const;
    for (const state of states) {
      const supporter = await createSealedSupporter({ email: organiserEmail("signer") });
      await createSealedSignature({ campaignId: campaign.id, supporterId: supporter.id, state, name: "Signer", country: "SY", locale: "en" });
    }
    await db.$transaction((tx) => addConfirmed(tx, campaign.id, 1));

    const dashboard = await organiserDashboard(await actorOf(member.userId));
    expect(dashboard.map((o) => [o.id, o.role]).sort()).toEqual([[lead!.organisationId, "VIEWER"], [coOwner!.organisationId, "OWNER"]].sort());
    for (const organisation of dashboard) {
      expect(organisation.campaigns).toEqual([{ id: campaign.id, slug: campaign.slug, title: readTranslations(campaign.title), primaryLocale: "en", status: "OPEN", totals: { CONFIRMED: 1, PENDING: 2, HELD: 1, INVALIDATED: 1 } }]);
    }
    expect(JSON.stringify(dashboard)).not.toContain(stranger.id);
  });
});
