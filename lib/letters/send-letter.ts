import { randomUUID } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { AppError, isUniqueViolation } from "../errors";
import type { Locale } from "../i18n/locales";
import { localized } from "../i18n/locales";
import { sendEmail, wakeOutbox } from "../mail/send-email";
import { publicUrl } from "../public-urls";
import { composeLetterText, mailtoLink } from "./compose-letter";
import { findLetterRecipient, type LetterRecipient } from "./find-recipients";
import { getLetterCampaign, hasLetterTemplate, letterLocale, rotateSubject, templateBodies, type LetterCampaign } from "./letter-campaign";
import { findLetterSender } from "./letter-token";
import { isTicked, letterFieldErrors, letterInputSchema, type LetterFieldErrors, type LetterInput } from "./schema";
import { startOfUtcDay } from "./sent-letters";

// A key the page gives each letter it renders; part of the outbox key, so a form sent twice is
// one message even before the database's one-letter-per-recipient rule answers.
const letterKeyPattern = /^[A-Za-z0-9_-]{8,64}$/;

async function loadCampaign(slug: string): Promise<LetterCampaign> {
  const campaign = await getLetterCampaign(slug);
  if (!campaign || !hasLetterTemplate(campaign)) throw new AppError("NOT_FOUND");
  return campaign;
}

// The letter as written, and whom it is for. Every problem is reported at once, per field: among
// them a recipient marked as a risk to writers, when the writer has not acknowledged the warning.
async function readLetter(campaign: LetterCampaign, input: Record<string, unknown>): Promise<{ letter: LetterInput; recipient: LetterRecipient }> {
  const parsed = letterInputSchema(templateBodies(campaign)).safeParse(input);
  const fields: LetterFieldErrors = parsed.success ? {} : letterFieldErrors(parsed.error);
  const recipientId = typeof input.recipient === "string" ? input.recipient.trim() : "";
  const recipient = recipientId && !fields.recipient ? await findLetterRecipient({ campaignId: campaign.id, decisionMakerId: recipientId }) : null;
  if (!recipient) fields.recipient ??= "recipientRequired";
  else if (recipient.riskToSigners && !isTicked(input.acknowledgeRisk)) fields.acknowledgeRisk = "riskNotAcknowledged";
  if (!parsed.success || !recipient || Object.keys(fields).length > 0) throw new AppError("VALIDATION", { fields });
  return { letter: parsed.data, recipient };
}

function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

// Which limit refused a letter: the recipient's for this campaign today, or the writer's own.
export const letterLimitReason = { recipientCap: "recipient daily cap reached", signatureLimit: "signature daily limit reached" } as const;

export type SentLetter = { letterId: string; recipientName: string; subject: string; replyTo: string | null; copyTo: string | null };

// A letter sent through Nida, From Nida's address. It carries the name line the writer chose and
// nothing else about them: Reply-To and a copy (Cc) to the writer only when they ticked them.
// Only a supporter whose signature on this campaign is confirmed may send, one letter per
// recipient (the database's unique rule), and at most LETTERS_PER_SIGNATURE_PER_DAY a day. The
// letter row, its outbox message and the day's counts are written together, or nothing is; a
// recipient gets at most the campaign's daily cap of this campaign's letters a day.
export async function sendLetter(options: {
  campaignSlug: string;
  token: string;
  input: Record<string, unknown>;
  locale: Locale;
  letterKey?: string;
  now?: Date;
}): Promise<SentLetter> {
  const now = options.now ?? new Date();
  const campaign = await loadCampaign(options.campaignSlug);
  if (!campaign.isOpen) throw new AppError("CAMPAIGN_NOT_OPEN");
  const sender = await findLetterSender({ token: options.token, campaignId: campaign.id, now });
  const { letter, recipient } = await readLetter(campaign, options.input);
  if (campaign.dailyCap <= 0) throw new AppError("RATE_LIMITED", { detail: letterLimitReason.recipientCap });

  const locale = letterLocale(campaign, options.locale);
  const template = campaign.templates[locale]!;
  const title = localized(locale, campaign.title, campaign.primaryLocale);
  // The letter greets them in its own language where the directory has their name in it; the
  // page that sent it names them in the writer's.
  const recipientName = localized(locale, recipient.name).text;
  const key = options.letterKey && letterKeyPattern.test(options.letterKey) ? options.letterKey : randomUUID();
  const outboxKey = `letter:${sender.supporterId}:${key}:${recipient.id}`;
  const replyTo = letter.replyToMe ? sender.email : null;
  const copyTo = letter.copyToMe ? sender.email : null;

  try {
    const sent = await db.$transaction(async (tx) => {
      // One signature's letters are written one at a time, so its daily count below is exact.
      await tx.$queryRaw`SELECT id FROM signatures WHERE id = ${sender.signatureId} FOR UPDATE`;
      const sequence = await tx.letter.count({ where: { campaignId: campaign.id, decisionMakerId: recipient.id } });
      const subject = rotateSubject(template.subjects, sequence, title.text);
      // A second letter from this signature to this recipient breaks the unique rule here.
      const row = await tx.letter.create({
        data: { campaignId: campaign.id, decisionMakerId: recipient.id, signatureId: sender.signatureId, supporterId: sender.supporterId, locale, subject, outboxKey, createdAt: now },
        select: { id: true },
      });
      const today = await tx.letter.count({ where: { signatureId: sender.signatureId, createdAt: { gte: startOfUtcDay(now) } } });
      if (today > env.LETTERS_PER_SIGNATURE_PER_DAY) throw new AppError("RATE_LIMITED", { detail: letterLimitReason.signatureLimit });
      // One statement decides, under any concurrency: the day's row for this campaign and
      // recipient is created or counted up, unless it already holds the cap, and then no row comes back.
      const counted = await tx.$queryRaw<{ sent: number }[]>`
        INSERT INTO letter_daily_counts (campaign_id, decision_maker_id, day, sent)
        VALUES (${campaign.id}, ${recipient.id}, ${utcDay(now)}::date, 1)
        ON CONFLICT (campaign_id, decision_maker_id, day) DO UPDATE SET sent = letter_daily_counts.sent + 1
        WHERE letter_daily_counts.sent < ${campaign.dailyCap}
        RETURNING sent`;
      if (counted.length === 0) throw new AppError("RATE_LIMITED", { detail: letterLimitReason.recipientCap });
      await sendEmail(tx, {
        template: "letter",
        to: recipient.email,
        locale,
        replyTo: replyTo ?? undefined,
        cc: copyTo ?? undefined,
        idempotencyKey: outboxKey,
        props: {
          locale,
          subject,
          recipientName,
          body: letter.body,
          personal: letter.personal,
          senderName: letter.name,
          repliesReachWriter: replyTo !== null,
          campaignTitle: title.text,
          campaignTitleLocale: title.locale,
          campaignUrl: publicUrl.campaign(locale, campaign.slug),
          organisers: campaign.organisers.map((organiser) => {
            const name = localized(locale, organiser.name);
            return { name: name.text, nameLocale: name.locale, website: organiser.website, email: organiser.contactEmail };
          }),
        },
      });
      return { letterId: row.id, recipientName: localized(options.locale, recipient.name).text, subject, replyTo, copyTo };
    });
    wakeOutbox();
    return sent;
  } catch (error) {
    // This signature has written to this recipient before (or the same form came twice).
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { fields: { recipient: "alreadyWritten" } });
    throw error;
  }
}

export type MailtoLetter = { href: string; recipientName: string; subject: string };

// The same letter for the supporter's own mail client. Nothing is stored and no confirmation is
// needed: the letter leaves from the supporter's own address.
export async function prepareMailtoLetter(options: { campaignSlug: string; input: Record<string, unknown>; locale: Locale }): Promise<MailtoLetter> {
  const campaign = await loadCampaign(options.campaignSlug);
  const { letter, recipient } = await readLetter(campaign, options.input);
  const locale = letterLocale(campaign, options.locale);
  const template = campaign.templates[locale]!;
  const sequence = await db.letter.count({ where: { campaignId: campaign.id, decisionMakerId: recipient.id } });
  const subject = rotateSubject(template.subjects, sequence, localized(locale, campaign.title, campaign.primaryLocale).text);
  const text = composeLetterText({ locale, recipientName: localized(locale, recipient.name).text, body: letter.body, personal: letter.personal, senderName: letter.name });
  return { href: mailtoLink({ to: recipient.email, subject, text }), recipientName: localized(options.locale, recipient.name).text, subject };
}
