import { Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { countryName } from "../lib/countries";
import { formatDate, formatNumber, formatter } from "../lib/i18n/format";
import { isolate } from "../lib/i18n/isolate";
import { direction, type Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";
import { Bdi, EmailLayout, otherLanguages, textStyle, withBdi } from "./parts";

// Everything a digest says, fixed when it is counted: the outbox stores these props, so a later
// change to the campaign cannot change what a decision-maker was told.
export type DigestProps = {
  locale: Locale;
  recipientName: string;
  campaignTitle: string;
  // The language of the title, and of each demand in turn: the campaign's own where it has none in
  // the digest's. Absent in digests queued before they were kept, which read them as the digest's.
  campaignTitleLocale?: Locale;
  demandLocales?: Locale[];
  organisers: string;
  // The organisers' own websites, where they have one: digests come from Nida's address, so
  // these are how a recipient reaches them. Absent in digests queued before they were added.
  organiserWebsites?: string[];
  // Each organisation's name (in the digest's language, or English), website and public contact
  // address: how a recipient reaches them. Digests queued before profiles had only websites.
  organiserContacts?: { name: string; nameLocale: Locale; website: string | null; email: string | null }[];
  // Where replies to the digest go (the lead organisation's public contact address), if anywhere.
  replyTo?: string | null;
  demands: string[];
  kind: "SCHEDULED" | "MILESTONE";
  milestoneGoal?: number;
  newSignatures: number;
  totalSignatures: number;
  // ISO timestamp of the previous digest to this recipient, if any.
  previousAt?: string | null;
  countedAt: string;
  topCountries: { country: string; count: number }[];
  comments: { text: string; country: string }[];
  campaignUrl: string;
  fingerprint: string;
  // The paper signatures counted at the same moment and their own fingerprint (count-snapshot.ts).
  // Absent in digests queued before paper signatures were reported.
  paperSignatures?: number;
  paperFingerprint?: string;
  // The answer the organisers asked for when the count reached a threshold, if it is still
  // awaited: when it is due (ISO), and whether that date has passed when the digest was counted.
  responseDue?: { dueAt: string; signatures: number; overdue: boolean } | null;
};

function dateTime(iso: string, locale: Locale): string {
  return formatter(locale).dateTime(new Date(iso), "dayAndTime");
}

export function digestSubject(props: DigestProps): string {
  const t = translator(props.locale, "DigestEmail");
  const total = formatNumber(props.totalSignatures, props.locale);
  const title = isolate(props.campaignTitle);
  return props.kind === "MILESTONE" && props.milestoneGoal
    ? t("subjectMilestone", { goal: formatNumber(props.milestoneGoal, props.locale), goalCount: props.milestoneGoal, title })
    : t("subject", { total, totalCount: props.totalSignatures, title });
}

export function DigestEmail(props: DigestProps) {
  const t = translator(props.locale, "DigestEmail");
  const n = (value: number) => formatNumber(value, props.locale);
  const side = direction(props.locale) === "rtl" ? "right" : "left";
  // Formatted numbers for Arabic sentences, plain ones for English plurals (# formats them).
  const counts = { new: n(props.newSignatures), newCount: props.newSignatures, total: n(props.totalSignatures), totalCount: props.totalSignatures };
  const heading = { fontSize: 17, fontWeight: 700, margin: "24px 0 8px" } as const;
  const websites = props.organiserWebsites ?? [];
  const paper = props.paperFingerprint ? (props.paperSignatures ?? 0) : 0;
  const title = isolate(props.campaignTitle);
  const organisers = isolate(props.organisers);
  const languages = otherLanguages(props.locale, [
    [props.campaignTitle, props.campaignTitleLocale],
    ...props.demands.map((demand, index): [string, Locale | undefined] => [demand, props.demandLocales?.[index]]),
  ]);
  return (
    <EmailLayout
      locale={props.locale}
      languages={languages}
      preview={digestSubject(props)}
      brand={t("brand")}
      heading={t("heading", { title })}
      footnote={t("footnote", { organisers })}
      footer={
        props.organiserContacts ? (
          <OrganiserContacts contacts={props.organiserContacts} replyTo={props.replyTo ?? null} locale={props.locale} />
        ) : websites.length > 0 ? (
          <OrganiserWebsites label={t("organiserWebsites")} websites={websites} locale={props.locale} />
        ) : undefined
      }
    >
      <Text style={textStyle}>{withBdi(t("greeting", { name: isolate(props.recipientName) }))}</Text>
      <Text style={textStyle}>{withBdi(t("intro", { title, organisers }), languages)}</Text>
      {props.kind === "MILESTONE" && props.milestoneGoal ? (
        <Text style={{ ...textStyle, fontWeight: 700 }}>{t("milestone", { goal: n(props.milestoneGoal), goalCount: props.milestoneGoal })}</Text>
      ) : null}
      <Text style={{ ...textStyle, fontWeight: 700 }}>
        {props.previousAt
          ? t("countsSince", { ...counts, date: dateTime(props.previousAt, props.locale) })
          : t("countsFirst", counts)}
      </Text>
      {paper > 0 ? (
        <Text style={{ ...textStyle, fontWeight: 700 }}>
          {t("bothCounts", { online: n(props.totalSignatures), onlineCount: props.totalSignatures, paper: n(paper), paperCount: paper })}
        </Text>
      ) : null}

      {props.responseDue ? (
        <Text style={textStyle}>
          {t(props.responseDue.overdue ? "responseOverdue" : "responseDue", { due: formatDate(new Date(props.responseDue.dueAt), props.locale), signatures: n(props.responseDue.signatures), signaturesCount: props.responseDue.signatures })}
        </Text>
      ) : null}

      {props.demands.length > 0 ? (
        <Section>
          <Text style={heading}>{t("demandsHeading")}</Text>
          {props.demands.map((demand, index) => (
            <Text key={index} style={{ ...textStyle, margin: "4px 0" }}>
              {`${n(index + 1)}. `}
              <Bdi languages={languages}>{demand}</Bdi>
            </Text>
          ))}
        </Section>
      ) : null}

      {props.topCountries.length > 0 ? (
        <Section>
          <Text style={heading}>{t("countriesHeading")}</Text>
          {props.topCountries.map((row) => (
            <Text key={row.country} style={{ ...textStyle, margin: "2px 0" }}>
              {t("countryLine", { country: countryName(row.country, props.locale), count: n(row.count) })}
            </Text>
          ))}
        </Section>
      ) : null}

      {props.comments.length > 0 ? (
        <Section>
          <Text style={heading}>{t("commentsHeading")}</Text>
          {props.comments.map((comment, index) => (
            <Text key={index} style={{ ...textStyle, margin: "8px 0", borderInlineStart: "3px solid #d8dcde", padding: "0 12px", textAlign: side }}>
              {withBdi(t("comment", { text: isolate(comment.text), country: countryName(comment.country, props.locale) }))}
            </Text>
          ))}
        </Section>
      ) : null}

      {/* The one link of the digest, written out so that it reads the same in every mail client. */}
      <Text style={{ ...textStyle, margin: "24px 0 4px" }}>{t("linkHelp")}</Text>
      <Text style={{ ...textStyle, margin: "0 0 8px", wordBreak: "break-all", direction: "ltr", textAlign: side }}>
        <Link href={props.campaignUrl} style={{ color: "#0b5d3b" }}>
          {props.campaignUrl}
        </Link>
      </Text>

      <Text style={heading}>{t("checkHeading")}</Text>
      <Text style={{ fontSize: 14, lineHeight: "22px", color: "#505a5f" }}>
        {t("checkBody", { ...counts, date: dateTime(props.countedAt, props.locale) })}
      </Text>
      <Text style={{ fontSize: 13, lineHeight: "20px", fontFamily: "monospace", wordBreak: "break-all", direction: "ltr", textAlign: side }}>
        {`SHA-256 ${props.fingerprint}`}
      </Text>
      {paper > 0 ? (
        <>
          <Text style={{ fontSize: 14, lineHeight: "22px", color: "#505a5f" }}>{t("paperCheckBody", { paper: n(paper), paperCount: paper })}</Text>
          <Text style={{ fontSize: 13, lineHeight: "20px", fontFamily: "monospace", wordBreak: "break-all", direction: "ltr", textAlign: side }}>
            {`SHA-256 ${props.paperFingerprint}`}
          </Text>
        </>
      ) : null}
    </EmailLayout>
  );
}

function OrganiserContacts({ contacts, replyTo, locale }: { contacts: NonNullable<DigestProps["organiserContacts"]>; replyTo: string | null; locale: Locale }) {
  const t = translator(locale, "DigestOrganisers");
  const style = { fontSize: 13, lineHeight: "20px", color: "#505a5f", margin: "4px 0" };
  const reachable = contacts.filter((contact) => contact.website || contact.email);
  if (reachable.length === 0) return null;
  const names = otherLanguages(locale, reachable.map((contact) => [contact.name, contact.nameLocale]));
  const link = (href: string, text: ReactNode) => (
    <Link href={href} style={{ color: "#0b5d3b" }} dir="ltr">
      {text}
    </Link>
  );
  return (
    <Section>
      <Text style={{ ...style, fontWeight: 700 }}>{t("heading")}</Text>
      {reachable.map((contact) => (
        <Text key={contact.name} style={style}>
          <Bdi languages={names}>{contact.name}</Bdi>
          {contact.website ? <>{` · ${t("website")} `}{link(contact.website, contact.website)}</> : null}
          {contact.email ? <>{` · ${t("contact")} `}{link(`mailto:${contact.email}`, <bdi>{contact.email}</bdi>)}</> : null}
        </Text>
      ))}
      {replyTo ? <Text style={style}>{withBdi(t("replies", { email: isolate(replyTo) }))}</Text> : null}
    </Section>
  );
}

function OrganiserWebsites({ label, websites, locale }: { label: string; websites: string[]; locale: Locale }) {
  const style = { fontSize: 13, lineHeight: "20px", color: "#505a5f" };
  return (
    <Text style={style}>
      {label}{" "}
      {websites.map((website, index) => (
        <span key={website}>
          {index > 0 ? (locale === "ar" ? "، " : ", ") : null}
          <Link href={website} style={{ color: "#0b5d3b" }} dir="ltr">
            {website}
          </Link>
        </span>
      ))}
    </Text>
  );
}

DigestEmail.PreviewProps = {
  locale: "en",
  recipientName: "President of the Security Council",
  campaignTitle: "Protect civilians in northwest Syria",
  organisers: "Syrian Civil Defence supporters",
  organiserWebsites: ["https://example.org"],
  demands: ["End the attacks on civilians and civilian infrastructure.", "Hold those responsible to account."],
  kind: "SCHEDULED",
  newSignatures: 1204,
  totalSignatures: 15873,
  previousAt: "2026-11-14T08:00:00.000Z",
  countedAt: "2026-11-21T08:00:00.000Z",
  topCountries: [
    { country: "SY", count: 6120 },
    { country: "DE", count: 2210 },
    { country: "TR", count: 1904 },
  ],
  comments: [{ text: "My family lives in Idlib. Please act now.", country: "DE" }],
  campaignUrl: "http://localhost:3000/en/campaigns/protect-civilians-northwest-syria",
  fingerprint: "0".repeat(64),
  paperSignatures: 1130,
  paperFingerprint: "1".repeat(64),
} satisfies DigestProps;
