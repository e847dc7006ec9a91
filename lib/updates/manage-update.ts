import { randomUUID } from "node:crypto";
import { recordAudit, requireCampaignRole, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { UpdateStatus } from "../generated/prisma/enums";
import { isLocale, localized, type Locale } from "../i18n/locales";
import { sendEmail, wakeOutbox } from "../mail/send-email";
import { newSupporterLinks } from "../privacy/supporter-links";
import { beginSending, type SendResult } from "./begin-sending";
import { countRecipients, type RecipientCount } from "./recipients";
import { scheduleSchema, updateDraftSchema, updateFieldErrors, type UpdateDraft, type UpdateErrorKey } from "./schema";
import { readingLocale, updateTexts } from "./update-mail";
import { wakeUpdates } from "./update-queue";

// Every function here checks the actor's role in the organisation the update belongs to, through
// the campaign whose pages it is managed from: editors draft, test and send; owners approve where
// the organisation asks for it; viewers only read.

const editable: readonly UpdateStatus[] = ["DRAFT", "AWAITING_APPROVAL"];

function invalid(field: string, key: UpdateErrorKey): AppError {
  return new AppError("VALIDATION", { fields: { [field]: key } });
}

// `campaignLocale`: the primary language of the campaign whose pages the update is written from.
function parseDraft(input: unknown, campaignLocale: Locale): UpdateDraft {
  const parsed = updateDraftSchema({ campaignLocale }).safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: updateFieldErrors(parsed.error) as Record<string, string> });
  return parsed.data;
}

function draftColumns(draft: UpdateDraft, campaignId: string) {
  return {
    campaignId: draft.scope === "campaign" ? campaignId : null,
    subject: draft.subject,
    body: draft.body,
    mailed: draft.mailed,
    published: draft.published,
  };
}

// An update of the actor's organisation that is managed from this campaign's pages: about the
// campaign itself, or about all of the organisation's campaigns.
async function findUpdate(client: Tx | typeof db, options: { organisationId: string; campaignId: string; updateId: string }) {
  const update = await client.supporterUpdate.findFirst({
    where: { id: options.updateId, organisationId: options.organisationId, kind: "UPDATE", OR: [{ campaignId: options.campaignId }, { campaignId: null }] },
    include: { campaign: { select: { primaryLocale: true } } },
  });
  if (!update) throw new AppError("NOT_FOUND");
  return update;
}

async function campaignLocale(campaignId: string): Promise<Locale> {
  return (await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { primaryLocale: true } })).primaryLocale;
}

export async function createUpdate(options: { actor: Actor; campaignId: string; input: unknown }): Promise<{ id: string }> {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const draft = parseDraft(options.input, await campaignLocale(options.campaignId));
  const update = await db.supporterUpdate.create({
    data: { organisationId, createdById: options.actor.userId, ...draftColumns(draft, options.campaignId) },
    select: { id: true },
  });
  return update;
}

// Editing an update that waits for approval takes it back to a draft: an owner approves the text
// they read, not one changed after.
export async function editUpdate(options: { actor: Actor; campaignId: string; updateId: string; input: unknown }): Promise<void> {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const draft = parseDraft(options.input, await campaignLocale(options.campaignId));
  const changed = await db.supporterUpdate.updateMany({
    where: { id: options.updateId, organisationId, kind: "UPDATE", status: { in: [...editable] }, OR: [{ campaignId: options.campaignId }, { campaignId: null }] },
    data: { ...draftColumns(draft, options.campaignId), status: "DRAFT", approvedById: null, approvedAt: null, scheduledFor: null },
  });
  if (changed.count === 0) {
    await findUpdate(db, { organisationId, campaignId: options.campaignId, updateId: options.updateId });
    throw invalid("form", "notEditable");
  }
}

// "This will go to 12,408 supporters: 9,311 in Arabic and 3,097 in English": the query that sends.
/** @internal exported for its tests */
export async function countUpdateRecipients(options: { actor: Actor; campaignId: string; updateId: string }): Promise<RecipientCount> {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const update = await findUpdate(db, { organisationId, campaignId: options.campaignId, updateId: options.updateId });
  const texts = updateTexts(update);
  return countRecipients(db, { organisationId, campaignId: update.campaignId, readIn: (locale) => readingLocale(texts, locale) });
}

// A copy to the organiser themself, in the language they choose, marked as a test. Its links are
// real-looking but stored nowhere, so they act for nobody.
export async function sendTestUpdate(options: { actor: Actor; campaignId: string; updateId: string; locale: unknown }): Promise<void> {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  if (!isLocale(options.locale)) throw invalid("locale", "invalidValue");
  const locale = options.locale;
  const update = await findUpdate(db, { organisationId, campaignId: options.campaignId, updateId: options.updateId });
  await sendEmail(db, {
    template: "supporter-update",
    to: options.actor.email,
    locale,
    idempotencyKey: `update-test:${update.id}:${randomUUID()}`,
    props: { updateId: update.id, locale, supporterLinks: newSupporterLinks(locale).links, test: true },
  });
  wakeOutbox();
}

// Sends now or at `scheduledFor`. Where the organisation asks for approval, an editor's send
// waits for an owner (an owner's own send is its approval). The recipients are fixed when
// sending begins, not before: a scheduled update reaches whoever consented by then.
export async function sendUpdate(options: { actor: Actor; campaignId: string; updateId: string; when?: unknown }): Promise<SendResult> {
  const { organisationId, role } = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  let scheduledFor: Date | null = null;
  if (typeof options.when === "string" && options.when.trim() !== "") {
    const parsed = scheduleSchema.safeParse(options.when);
    if (!parsed.success) throw invalid("when", "scheduleInvalid");
    if (parsed.data.getTime() <= Date.now()) throw invalid("when", "schedulePast");
    scheduledFor = parsed.data;
  }
  const result = await db.$transaction(async (tx) => {
    const update = await lockUpdate(tx, { organisationId, campaignId: options.campaignId, updateId: options.updateId });
    if (!editable.includes(update.status)) throw invalid("form", "notSendable");
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { updatesNeedApproval: true } });
    const approvedByOwner = role === "OWNER";
    await tx.supporterUpdate.update({
      where: { id: update.id },
      data: { sentById: options.actor.userId, scheduledFor, ...(approvedByOwner ? { approvedById: options.actor.userId, approvedAt: new Date() } : {}) },
    });
    if (organisation.updatesNeedApproval && !approvedByOwner) {
      await tx.supporterUpdate.update({ where: { id: update.id }, data: { status: "AWAITING_APPROVAL" } });
      await recordAudit(tx, { organisationId, actor: options.actor, action: "update.submit", campaignId: update.campaignId, details: { update: update.id } });
      return { status: "AWAITING_APPROVAL" as const, recipients: null };
    }
    return release(tx, { updateId: update.id, mailed: update.mailed, actor: options.actor, scheduledFor });
  });
  if (result.status === "SENDING" || result.startsNow) wakeUpdates();
  return result;
}

// An owner approves an update an editor sent: it goes out as they asked (now, or at its time).
export async function approveUpdate(options: { actor: Actor; campaignId: string; updateId: string }): Promise<SendResult> {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  requireOrganisationRole(options.actor, organisationId, "OWNER");
  const result = await db.$transaction(async (tx) => {
    const update = await lockUpdate(tx, { organisationId, campaignId: options.campaignId, updateId: options.updateId });
    if (update.status !== "AWAITING_APPROVAL") throw invalid("form", "notAwaitingApproval");
    await tx.supporterUpdate.update({ where: { id: update.id }, data: { approvedById: options.actor.userId, approvedAt: new Date() } });
    await recordAudit(tx, { organisationId, actor: options.actor, action: "update.approve", campaignId: update.campaignId, details: { update: update.id } });
    const scheduledFor = update.scheduledFor && update.scheduledFor.getTime() > Date.now() ? update.scheduledFor : null;
    return release(tx, { updateId: update.id, mailed: update.mailed, actor: options.actor, scheduledFor });
  });
  if (result.status === "SENDING" || result.startsNow) wakeUpdates();
  return result;
}

// A scheduled update, or one waiting for an owner, goes back to a draft: nothing is sent, and
// sending it again asks again for approval where the organisation wants it.
export async function cancelUpdate(options: { actor: Actor; campaignId: string; updateId: string }): Promise<void> {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  await db.$transaction(async (tx) => {
    const update = await lockUpdate(tx, { organisationId, campaignId: options.campaignId, updateId: options.updateId });
    if (update.status !== "SCHEDULED" && update.status !== "AWAITING_APPROVAL") throw invalid("form", "notCancellable");
    await tx.supporterUpdate.update({ where: { id: update.id }, data: { status: "DRAFT", scheduledFor: null, approvedById: null, approvedAt: null, sentById: null } });
    await recordAudit(tx, { organisationId, actor: options.actor, action: "update.cancel", campaignId: update.campaignId, details: { update: update.id, was: update.status } });
  });
}

// Only an update nobody has been sent can be deleted: once sending began, its record stays.
export async function deleteUpdate(options: { actor: Actor; campaignId: string; updateId: string }): Promise<void> {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  await db.$transaction(async (tx) => {
    const update = await lockUpdate(tx, { organisationId, campaignId: options.campaignId, updateId: options.updateId });
    if (!editable.includes(update.status)) throw invalid("form", "notDeletable");
    await tx.supporterUpdate.delete({ where: { id: update.id } });
    // The record names it in the language it was written in first.
    const texts = updateTexts(update);
    const subject = localized(texts.primary, texts.subject, texts.primary).text;
    await recordAudit(tx, { organisationId, actor: options.actor, action: "update.delete", campaignId: update.campaignId, details: { update: update.id, subject } });
  });
}

// An owner decides whether the organisation's updates wait for an owner's approval.
export async function setUpdatesNeedApproval(options: { actor: Actor; organisationId: string; value: boolean }): Promise<void> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  await db.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id: options.organisationId }, data: { updatesNeedApproval: options.value } });
    await recordAudit(tx, { organisationId: options.organisationId, actor: options.actor, action: "updates.approval", details: { required: options.value } });
  });
}

async function lockUpdate(tx: Tx, options: { organisationId: string; campaignId: string; updateId: string }) {
  await tx.$executeRaw`SELECT 1 FROM supporter_updates WHERE id = ${options.updateId} FOR UPDATE`;
  return findUpdate(tx, options);
}

// Approved (or needing no approval): wait for its time, or begin sending now.
async function release(tx: Tx, options: { updateId: string; mailed: boolean; actor: Actor; scheduledFor: Date | null }): Promise<SendResult> {
  if (options.scheduledFor) {
    await tx.supporterUpdate.update({ where: { id: options.updateId }, data: { status: "SCHEDULED", scheduledFor: options.scheduledFor } });
    return { status: "SCHEDULED", recipients: null };
  }
  if (!options.mailed) return beginSending(tx, { updateId: options.updateId, userId: options.actor.userId });
  // Fixing a large audience takes a minute or more: the update worker does it, not the request,
  // so the organiser is answered at once and no proxy's timeout cuts the request short.
  await tx.supporterUpdate.update({ where: { id: options.updateId }, data: { status: "SCHEDULED", scheduledFor: new Date() } });
  return { status: "SCHEDULED", recipients: null, startsNow: true };
}
