import { render } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import { describe, expect, it } from "vitest";
import { CampaignNoticeEmail, campaignNoticeSubject, type CampaignNoticeProps } from "../../../emails/campaign-notice";
import type { DigestProps } from "../../../emails/digest";
import type { LetterProps } from "../../../emails/letter";
import { renderPlainText } from "../../../emails/plain-text";
import type { ResponseOverdueProps } from "../../../emails/response-overdue";
import { SupporterUpdateEmail, supporterUpdateSubject, type SupporterUpdateProps } from "../../../emails/supporter-update";
import type { TrendingAlertProps } from "../../../emails/trending-alert";
import type { Locale } from "../../../lib/i18n/locales";
import { renderTemplate } from "../../../lib/mail/templates";

// Values whose own direction, or the comma and quotes at their ends, would reorder an Arabic
// sentence around them.
const latinName = `Ali, "Nour"`;
const arabicName = `نور "الهدى", Ali`;
const title = "Protect civilians in Idlib!";
const address = "info@scdf.example";
const demand = `Stop the "barrel bombs", now.`;
const comment = `Please act, "today".`;
const updateSubject = `We delivered it: "the petition"`;
const summary = `The Minister will "raise it".`;

const url = "http://nida.test/ar/campaigns/protect-idlib";
const links = { unsubscribeUrl: `${url}/u`, oneClickUnsubscribeUrl: `${url}/o`, eraseUrl: `${url}/e` };
type Rendered = { subject: string; html: string; text: string };

// The two e-mails whose outbox payload is read from the database, rendered as templates.ts does.
async function rendered<P extends object>(component: FunctionComponent<P>, subject: (props: P) => string, props: P): Promise<Rendered> {
  const element = createElement(component, props);
  return { subject: subject(props), html: await render(element), text: await renderPlainText(element) };
}

// Each kind of e-mail, with one name (`name`) in its main place and the other (`other`) wherever a
// second one goes: the values it shows, and those its subject holds.
type Case = { kind: string; values: string[]; inSubject: string[]; email: () => Promise<Rendered> };

function everyEmail(name: string, other: string): Case[] {
  const digest: DigestProps = {
    locale: "ar",
    recipientName: name,
    campaignTitle: title,
    organisers: other,
    organiserContacts: [
      { name: other, nameLocale: "ar", website: "https://scdf.example", email: address },
      { name, nameLocale: "en", website: "https://other.example", email: null },
    ],
    replyTo: address,
    demands: [demand],
    kind: "SCHEDULED",
    newSignatures: 12,
    totalSignatures: 1204,
    countedAt: "2026-11-21T08:00:00.000Z",
    topCountries: [{ country: "SY", count: 1000 }],
    comments: [{ text: comment, country: "DE" }],
    campaignUrl: url,
    fingerprint: "0".repeat(64),
  };
  const letter: LetterProps = {
    locale: "ar",
    subject: "احموا المدنيين",
    recipientName: name,
    body: "نكتب إليكم.",
    personal: "",
    senderName: other,
    repliesReachWriter: true,
    campaignTitle: title,
    campaignUrl: url,
    organisers: [{ name: other, nameLocale: "ar", website: null, email: address }],
  };
  const overdue: ResponseOverdueProps = {
    locale: "ar",
    campaignTitle: title,
    decisionMakerName: name,
    institution: other,
    signatures: 10000,
    askedAt: "2026-11-01T09:00:00.000Z",
    dueAt: "2026-12-01T09:00:00.000Z",
    deliveryUrl: url,
  };
  const trending: TrendingAlertProps = { locale: "ar", campaignTitle: title, kind: "EMAIL_DOMAIN", value: "example.org", confirmed: 120, hourStart: "2026-11-21T09:00:00.000Z", dashboardUrl: url };
  const update: SupporterUpdateProps = { locale: "ar", organisationName: other, subject: updateSubject, body: "شكرًا لكم.", campaignTitle: title, campaignUrl: url, test: true, supporterLinks: links };
  const notice: Omit<CampaignNoticeProps, "items"> = { locale: "ar", organisationName: other, campaignTitle: title, recordUrl: url, supporterLinks: links };
  return [
    {
      kind: "confirm-signature",
      values: [name, title],
      inSubject: [title],
      email: () => renderTemplate("confirm-signature", { locale: "ar", name, campaignTitle: title, confirmUrl: `${url}/confirm`, campaignUrl: url, supporterLinks: links }),
    },
    {
      kind: "organiser-sign-in",
      values: [name, other],
      inSubject: [other],
      email: () => renderTemplate("organiser-sign-in", { locale: "ar", continueUrl: `${url}/continue`, validHours: 168, invitation: { organisationName: other, role: "ORGANISER", invitedBy: name } }),
    },
    { kind: "digest", values: [name, other, title, address, demand, comment], inSubject: [title], email: () => renderTemplate("digest", digest) },
    { kind: "letter", values: [name, other, title, address], inSubject: [], email: () => renderTemplate("letter", letter) },
    { kind: "trending-alert", values: [title], inSubject: [title], email: () => renderTemplate("trending-alert", trending) },
    { kind: "response-overdue", values: [name, other, title], inSubject: [name, title], email: () => renderTemplate("response-overdue", overdue) },
    { kind: "supporter-update (a test copy)", values: [other, updateSubject, title], inSubject: [updateSubject], email: () => rendered(SupporterUpdateEmail, supporterUpdateSubject, update) },
    {
      kind: "campaign-notice (two pieces of news)",
      values: [other, title, name, summary],
      inSubject: [title],
      email: () =>
        rendered(CampaignNoticeEmail, campaignNoticeSubject, {
          ...notice,
          items: [
            { kind: "delivered", addressee: name },
            { kind: "answered", addressee: other, summary },
          ],
        }),
    },
    {
      kind: "campaign-notice (one answer)",
      values: [other, name, summary],
      inSubject: [name],
      email: () => rendered(CampaignNoticeEmail, campaignNoticeSubject, { ...notice, items: [{ kind: "answered", addressee: name, summary }] }),
    },
  ];
}

const isolated = (value: string) => `\u2068${value}\u2069`;
const count = (text: string, part: string) => text.split(part).length - 1;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[character]!);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// The text a reader sees: not the hidden preview (the inbox's snippet beside the subject, plain
// text like it), nor attributes (a mailto link's address).
const shownHtml = (html: string) => html.replace(/<div[^>]*data-skip-in-text="true">[\s\S]*?<\/div><\/div>/, "").replace(/<([a-z0-9]+)[^>]*>/gi, "<$1>");

describe.each([
  ["a Latin name", latinName, arabicName],
  ["an Arabic name", arabicName, latinName],
])("Arabic e-mails with %s", (_, name, other) => {
  it.each(everyEmail(name, other))("$kind: every name, title and address is isolated in the subject, the plain text and the HTML", async ({ values, inSubject, email: rendering }) => {
    const email = await rendering();
    const html = shownHtml(email.html);
    for (const value of values) {
      expect(count(email.subject, value), `subject: ${value}`).toBe(count(email.subject, isolated(value)));
      if (inSubject.includes(value)) expect(email.subject).toContain(isolated(value));
      expect(email.text).toContain(isolated(value));
      expect(count(email.text, value), `text: ${value}`).toBe(count(email.text, isolated(value)));
      const inBdi = new RegExp(`<bdi>${escapeRegExp(escapeHtml(value))}</bdi>`, "g");
      expect(html).toMatch(inBdi);
      expect(count(html, escapeHtml(value)), `html: ${value}`).toBe(html.match(inBdi)?.length ?? 0);
    }
    // The HTML isolates with elements, not with the plain text's marks.
    expect(html).not.toMatch(/[\u2066-\u2069]/);
  });
});

// A campaign's text in the language it was written in, and the language an e-mail says it is in
// (undefined: a message queued before the language was kept).
type CampaignText = { title: string; demand: string; language: Locale | undefined };

// Each kind of e-mail that shows a campaign's title (the digest its demands too), written in `locale`.
function campaignTextEmails(locale: Locale, { title, demand, language }: CampaignText): { kind: string; email: () => Promise<Rendered> }[] {
  const confirm = { locale, name: "Layla", campaignTitle: title, campaignTitleLocale: language, confirmUrl: `${url}/confirm`, campaignUrl: url, supporterLinks: links };
  const digest: DigestProps = {
    locale,
    recipientName: "Jane Example",
    campaignTitle: title,
    campaignTitleLocale: language,
    organisers: "Syrian Civil Defence",
    demands: [demand],
    demandLocales: language ? [language] : undefined,
    kind: "SCHEDULED",
    newSignatures: 12,
    totalSignatures: 1204,
    countedAt: "2026-11-21T08:00:00.000Z",
    topCountries: [],
    comments: [],
    campaignUrl: url,
    fingerprint: "0".repeat(64),
  };
  const letter: LetterProps = {
    locale,
    subject: "Protect civilians",
    recipientName: "Jane Example",
    body: "We write to you.",
    personal: "",
    senderName: "Layla",
    repliesReachWriter: false,
    campaignTitle: title,
    campaignTitleLocale: language,
    campaignUrl: url,
  };
  const overdue: ResponseOverdueProps = {
    locale,
    campaignTitle: title,
    campaignTitleLocale: language,
    decisionMakerName: "Jane Example",
    institution: "Ministry of Foreign Affairs",
    signatures: 10000,
    askedAt: "2026-11-01T09:00:00.000Z",
    dueAt: "2026-12-01T09:00:00.000Z",
    deliveryUrl: url,
  };
  const trending: TrendingAlertProps = { locale, campaignTitle: title, campaignTitleLocale: language, kind: "IP_HASH", value: "Qm9n", confirmed: 120, hourStart: "2026-11-21T09:00:00.000Z", dashboardUrl: url };
  const update: SupporterUpdateProps = { locale, organisationName: "Syrian Civil Defence", subject: "We delivered it", body: "Thank you.", campaignTitle: title, campaignTitleLocale: language, campaignUrl: url, supporterLinks: links };
  const notice: CampaignNoticeProps = {
    locale,
    organisationName: "Syrian Civil Defence",
    campaignTitle: title,
    campaignTitleLocale: language,
    items: [
      { kind: "delivered", addressee: "UN Security Council" },
      { kind: "delivered", addressee: "UK Foreign Office" },
    ],
    recordUrl: url,
    supporterLinks: links,
  };
  return [
    { kind: "confirm-signature", email: () => renderTemplate("confirm-signature", confirm) },
    { kind: "confirm-signature (the reminder)", email: () => renderTemplate("confirm-signature", { ...confirm, reminder: true }) },
    { kind: "confirm-signature (already signed)", email: () => renderTemplate("confirm-signature", { ...confirm, alreadyConfirmed: true }) },
    { kind: "digest", email: () => renderTemplate("digest", digest) },
    { kind: "letter", email: () => renderTemplate("letter", letter) },
    { kind: "response-overdue", email: () => renderTemplate("response-overdue", overdue) },
    { kind: "trending-alert", email: () => renderTemplate("trending-alert", trending) },
    { kind: "supporter-update", email: () => rendered(SupporterUpdateEmail, supporterUpdateSubject, update) },
    { kind: "campaign-notice", email: () => rendered(CampaignNoticeEmail, campaignNoticeSubject, notice) },
  ];
}

const arabic = { title: "احموا المدنيين في إدلب", demand: "أوقفوا قصف المدن" };
// The HTML a reader sees, with its elements' attributes: not the hidden preview.
const withoutPreview = (html: string) => html.replace(/<div[^>]*data-skip-in-text="true">[\s\S]*?<\/div><\/div>/, "");
// Every <bdi> holding `value`, as written.
const bdisOf = (html: string, value: string) => [...html.matchAll(new RegExp(`<bdi[^>]*>${escapeRegExp(escapeHtml(value))}</bdi>`, "g"))].map(([bdi]) => bdi);

describe("a campaign's title and demands in another language than the e-mail", () => {
  it.each(campaignTextEmails("en", { ...arabic, language: "ar" }))("$kind in English: the Arabic title is marked Arabic, right to left", async ({ email: rendering }) => {
    const email = await rendering();
    const html = withoutPreview(email.html);
    const bdis = bdisOf(html, arabic.title);
    expect(bdis.length).toBeGreaterThan(0);
    expect(bdis.length).toBe(count(html, arabic.title));
    for (const bdi of bdis) expect(bdi).toBe(`<bdi lang="ar" dir="rtl">${arabic.title}</bdi>`);
    // The plain text and the subject isolate the title as before, with nothing to say its language.
    expect(email.text).toContain(isolated(arabic.title));
  });

  it("digest in English: the demand is marked Arabic too", async () => {
    const digest = campaignTextEmails("en", { ...arabic, language: "ar" }).find((one) => one.kind === "digest")!;
    expect(bdisOf((await digest.email()).html, arabic.demand)).toEqual([`<bdi lang="ar" dir="rtl">${arabic.demand}</bdi>`]);
  });

  it("digest in Arabic, the campaign written in Turkish: the title is marked Turkish, left to right", async () => {
    const digest = campaignTextEmails("ar", { title: "Sivilleri koruyun", demand: "Bombalamayı durdurun", language: "tr" }).find((one) => one.kind === "digest")!;
    const html = withoutPreview((await digest.email()).html);
    expect(bdisOf(html, "Sivilleri koruyun")).toEqual(Array(2).fill(`<bdi lang="tr" dir="ltr">Sivilleri koruyun</bdi>`));
    expect(bdisOf(html, "Bombalamayı durdurun")).toEqual([`<bdi lang="tr" dir="ltr">Bombalamayı durdurun</bdi>`]);
  });

  it.each([
    ...campaignTextEmails("ar", { ...arabic, language: "ar" }).map((one) => ({ ...one, kind: `${one.kind} in Arabic` })),
    ...campaignTextEmails("en", { ...arabic, language: undefined }).map((one) => ({ ...one, kind: `${one.kind} queued before the language was kept` })),
  ])("$kind: the title is a plain <bdi>, read in the e-mail's own voice", async ({ email: rendering }) => {
    const html = withoutPreview((await rendering()).html);
    const bdis = bdisOf(html, arabic.title);
    expect(bdis.length).toBeGreaterThan(0);
    for (const bdi of bdis) expect(bdi).toBe(`<bdi>${arabic.title}</bdi>`);
    expect(html).not.toMatch(/<bdi [^>]*lang=/);
  });
});
