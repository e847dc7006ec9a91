import { randomUUID } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { AppError, isUniqueViolation } from "../errors";
import type { Locale } from "../i18n/locales";
import { localized } from "../i18n/locales";
import { sendEmail, wakeOutbox } from "../mail/send-email";
import { composeLetterText, mailtoLink } from "./compose-letter";
import { findLetterRecipient } from "./find-recipients";
import { getLetterCampaign, letterLocale, rotateSubject, templateBodies, type LetterCampaign } from "./letter-campaign";
import { findLetterSender } from "./letter-token";
import { letterFieldErrors, letterInputSchema, type LetterInput } from "./schema";

// A key the page gives each letter it renders, so a form sent twice sends one letter.
const letterKeyPattern = /^[A-Za-z0-9_-]{8,64}$/;

async function loadCampaign(slug: string): Promise<LetterCampaign> {
  const campaign = await getLetterCampaign(slug);
  if (!campaign || !(campaign.templates.en || campaign.templates.ar)) throw new AppError("NOT_FOUND");
  return campaign;
}

function parseLetter(campaign: LetterCampaign, input: Record<string, unknown>): LetterInput {
  const parsed = letterInputSchema(templateBodies(campaign)).safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: letterFieldErrors(parsed.error) });
  return parsed.data;
}

async function recipientFor(campaign: LetterCampaign, letter: LetterInput) {
  const recipient = await findLetterRecipient({ campaignId: campaign.id, decisionMakerId: letter.recipient });
  if (!recipient) throw new AppError("VALIDATION", { fields: { recipient: "recipientRequired" } });
  return recipient;
}

function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export type SentLetter = { letterId: string; recipientName: string; subject: string };

// A letter sent through Nida: From Nida's address, Reply-To and a copy to the supporter. Only a
// supporter whose signature on this campaign is confirmed may send. The letter row, its outbox
// message and the recipient's count for the day are written together, or nothing is, and a
// recipient gets at most the campaign's daily cap of letters a day.
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
  const letter = parseLetter(campaign, options.input);
  const recipient = await recipientFor(campaign, letter);
  if (campaign.dailyCap <= 0) throw new AppError("RATE_LIMITED", { detail: "letters are switched off for this campaign" });

  const locale = letterLocale(campaign, options.locale);
  const template = campaign.templates[locale]!;
  const campaignTitle = localized(locale, campaign.title).text;
  const key = options.letterKey && letterKeyPattern.test(options.letterKey) ? options.letterKey : randomUUID();
  const outboxKey = `letter:${sender.supporterId}:${key}:${recipient.id}`;

  try {
    const sent = await db.$transaction(async (tx) => {
      const sequence = await tx.letter.count({ where: { campaignId: campaign.id, decisionMakerId: recipient.id } });
      const subject = rotateSubject(template.subjects, sequence, campaignTitle);
      const row = await tx.letter.create({
        data: { campaignId: campaign.id, decisionMakerId: recipient.id, signatureId: sender.signatureId, supporterId: sender.supporterId, locale, subject, outboxKey },
        select: { id: true },
      });
      // One statement decides, under any concurrency: the day's row is created or counted up,
      // unless it already holds the cap, in which case no row comes back.
      const counted = await tx.$queryRaw<{ sent: number }[]>`
        INSERT INTO letter_daily_counts (decision_maker_id, day, sent)
        VALUES (${recipient.id}, ${utcDay(now)}::date, 1)
        ON CONFLICT (decision_maker_id, day) DO UPDATE SET sent = letter_daily_counts.sent + 1
        WHERE letter_daily_counts.sent < ${campaign.dailyCap}
        RETURNING sent`;
      if (counted.length === 0) throw new AppError("RATE_LIMITED", { detail: "daily letter cap reached" });
      await sendEmail(tx, {
        template: "letter",
        to: recipient.email,
        locale,
        replyTo: sender.email,
        cc: sender.email,
        idempotencyKey: outboxKey,
        props: {
          locale,
          subject,
          recipientName: recipient.name,
          body: letter.body,
          personal: letter.personal,
          senderName: letter.name,
          campaignTitle,
          campaignUrl: `${env.APP_URL}/${locale}/campaigns/${campaign.slug}`,
        },
      });
      return { letterId: row.id, recipientName: recipient.name, subject };
    });
    wakeOutbox();
    return sent;
  } catch (error) {
    // The same form sent twice: the first one went, and that is the answer.
    if (isUniqueViolation(error)) {
      const existing = await db.letter.findUnique({ where: { outboxKey }, select: { id: true, subject: true } });
      if (existing) return { letterId: existing.id, recipientName: recipient.name, subject: existing.subject };
    }
    throw error;
  }
}

export type MailtoLetter = { href: string; recipientName: string; subject: string };

// The same letter for the supporter's own mail client. Nothing is stored and no confirmation is
// needed: the letter leaves from the supporter's own address.
export async function prepareMailtoLetter(options: { campaignSlug: string; input: Record<string, unknown>; locale: Locale }): Promise<MailtoLetter> {
  const campaign = await loadCampaign(options.campaignSlug);
  const letter = parseLetter(campaign, options.input);
  const recipient = await recipientFor(campaign, letter);
  const locale = letterLocale(campaign, options.locale);
  const template = campaign.templates[locale]!;
  const sequence = await db.letter.count({ where: { campaignId: campaign.id, decisionMakerId: recipient.id } });
  const subject = rotateSubject(template.subjects, sequence, localized(locale, campaign.title).text);
  const text = composeLetterText({ locale, recipientName: recipient.name, body: letter.body, personal: letter.personal, senderName: letter.name });
  return { href: mailtoLink({ to: recipient.email, subject, text }), recipientName: recipient.name, subject };
}
