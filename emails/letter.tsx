import { Link, Text } from "@react-email/components";
import { isolate } from "../lib/i18n/isolate";
import type { Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";
import { letterParagraphs } from "../lib/letters/compose-letter";
import { Bdi, EmailLayout, otherLanguages, textStyle, withBdi } from "./parts";

export type LetterProps = {
  locale: Locale;
  // Chosen by rotation among the campaign's subject lines when the letter was sent.
  subject: string;
  recipientName: string;
  body: string;
  personal: string;
  // The name line the writer chose for this letter.
  senderName: string;
  // Whether the writer ticked "let them reply to me": only then does the letter carry Reply-To.
  repliesReachWriter: boolean;
  campaignTitle: string;
  // The title's language: the campaign's own where it has none in the letter's. Absent in letters
  // queued before it was kept, which read it as the letter's.
  campaignTitleLocale?: Locale;
  campaignUrl: string;
  // The organisations that run the campaign and how to reach them (absent in letters queued before).
  organisers?: { name: string; nameLocale: Locale; website: string | null; email: string | null }[];
};

export function letterSubject(props: LetterProps): string {
  return props.subject;
}

// A supporter's letter to a decision-maker. It leaves from Nida's address, signed with the name
// line the writer chose; replies reach the writer only when they asked for it (Reply-To).
export function LetterEmail(props: LetterProps) {
  const t = translator(props.locale, "LetterEmail");
  const letter = letterParagraphs({ ...props, recipientName: isolate(props.recipientName) });
  const name = isolate(props.senderName);
  const languages = otherLanguages(props.locale, [[props.campaignTitle, props.campaignTitleLocale]]);
  return (
    <EmailLayout
      locale={props.locale}
      languages={languages}
      preview={props.subject}
      brand={t("brand")}
      heading={isolate(props.subject)}
      footnote={`${t("footnote", { name, title: isolate(props.campaignTitle) })} ${props.repliesReachWriter ? t("replies", { name }) : t("noReplies")}`}
    >
      <Text style={textStyle}>{withBdi(letter.greeting)}</Text>
      {letter.paragraphs.map((paragraph, index) => (
        <Text key={index} style={{ ...textStyle, whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
      <Text style={{ ...textStyle, whiteSpace: "pre-line" }}>
        {`${letter.closing}\n`}
        <bdi>{letter.senderName}</bdi>
      </Text>
      <Text style={{ fontSize: 14, lineHeight: "22px", color: "#505a5f" }}>
        {t("campaign")}{" "}
        <Link href={props.campaignUrl}>
          <Bdi languages={languages}>{props.campaignTitle}</Bdi>
        </Link>
      </Text>
      {props.organisers && props.organisers.length > 0 ? <LetterOrganisers organisers={props.organisers} locale={props.locale} /> : null}
    </EmailLayout>
  );
}

// Who runs the campaign, each with the website and public address they gave.
function LetterOrganisers({ organisers, locale }: { organisers: NonNullable<LetterProps["organisers"]>; locale: Locale }) {
  const t = translator(locale, "DigestOrganisers");
  const style = { fontSize: 14, lineHeight: "22px", color: "#505a5f", margin: "4px 0" };
  const names = otherLanguages(locale, organisers.map((organiser) => [organiser.name, organiser.nameLocale]));
  return (
    <>
      <Text style={{ ...style, fontWeight: 700 }}>{t("runBy")}</Text>
      {organisers.map((organiser) => (
        <Text key={organiser.name} style={style}>
          <Bdi languages={names}>{organiser.name}</Bdi>
          {organiser.website ? (
            <>
              {` · ${t("website")} `}
              <Link href={organiser.website} dir="ltr">
                {organiser.website}
              </Link>
            </>
          ) : null}
          {organiser.email ? (
            <>
              {` · ${t("contact")} `}
              <Link href={`mailto:${organiser.email}`} dir="ltr">
                <bdi>{organiser.email}</bdi>
              </Link>
            </>
          ) : null}
        </Text>
      ))}
    </>
  );
}

LetterEmail.PreviewProps = {
  locale: "en",
  subject: "Protecting civilians in northwest Syria",
  recipientName: "Jane Example",
  body: "I am writing to ask you to press for the protection of civilians and for humanitarian access in northwest Syria.",
  personal: "My family lived in Idlib until 2019. I think of the neighbours who are still there every day.",
  senderName: "Layla, Syria",
  repliesReachWriter: false,
  campaignTitle: "Protect civilians in northwest Syria",
  campaignUrl: "http://localhost:3000/en/campaigns/protect-civilians-northwest-syria",
} satisfies LetterProps;
