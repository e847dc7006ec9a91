import { Link, Section, Text } from "@react-email/components";
import ReactMarkdown from "react-markdown";
import { isolate } from "../lib/i18n/isolate";
import { direction, type Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";
import type { SupporterLinks } from "../lib/privacy/supporter-links";
import { Bdi, EmailLayout, SupporterFooter, otherLanguages, textStyle } from "./parts";

export type SupporterUpdateProps = {
  // The language the update is written in here.
  locale: Locale;
  // The reader asked for Arabic and the update has none: the mail says so, in Arabic.
  arabicMissing?: boolean;
  organisationName: string;
  subject: string;
  // Markdown written by the organisers: raw HTML is never rendered, images never loaded.
  body: string;
  campaignTitle?: string;
  // The title's language: the campaign's own where it has none in the update's.
  campaignTitleLocale?: Locale;
  campaignUrl?: string;
  // A copy an organiser sent to themself before sending.
  test?: boolean;
  supporterLinks: SupporterLinks;
};

export function supporterUpdateSubject(props: SupporterUpdateProps): string {
  return props.test ? translator(props.locale, "UpdateEmail")("testSubject", { subject: isolate(props.subject) }) : props.subject;
}

export function SupporterUpdateEmail(props: SupporterUpdateProps) {
  const t = translator(props.locale, "UpdateEmail");
  const organisation = isolate(props.organisationName);
  const languages = otherLanguages(props.locale, [[props.campaignTitle, props.campaignTitleLocale]]);
  return (
    <EmailLayout
      locale={props.locale}
      languages={languages}
      preview={props.subject}
      brand={organisation}
      heading={isolate(props.subject)}
      footnote={props.campaignTitle ? t("whyCampaign", { organisation, title: isolate(props.campaignTitle) }) : t("why", { organisation })}
      footer={<SupporterFooter locale={props.locale} links={props.supporterLinks} reason={false} />}
    >
      {props.test ? <Text style={{ ...textStyle, color: "#8a4b00", fontWeight: 700 }}>{t("testNote")}</Text> : null}
      {props.arabicMissing ? (
        <Text lang="ar" dir="rtl" style={{ ...textStyle, textAlign: "right", color: "#505a5f" }}>
          {translator("ar", "UpdateEmail")("arabicMissing")}
        </Text>
      ) : null}
      <Section dir={direction(props.locale)} style={textStyle}>
        <ReactMarkdown
          skipHtml
          components={{
            a: ({ href, children }) => (href ? <Link href={href} style={{ color: "#0b5d3b" }}>{children}</Link> : <span>{children}</span>),
            img: () => null,
          }}
        >
          {props.body}
        </ReactMarkdown>
      </Section>
      {props.campaignUrl && props.campaignTitle ? (
        <Text style={textStyle}>
          <Link href={props.campaignUrl} style={{ color: "#0b5d3b" }}>
            <Bdi languages={languages}>{props.campaignTitle}</Bdi>
          </Link>
        </Text>
      ) : null}
    </EmailLayout>
  );
}

SupporterUpdateEmail.PreviewProps = {
  locale: "en",
  organisationName: "Syrian Civil Defence",
  subject: "The petition reached the Security Council",
  body: "Thank you for signing.\n\nOn **Monday** we delivered the petition. [Read the reply](https://example.org/reply).",
  campaignTitle: "Protect civilians in northwest Syria",
  campaignUrl: "http://localhost:3000/en/campaigns/protect-civilians-northwest-syria",
  supporterLinks: {
    unsubscribeUrl: "http://localhost:3000/en/unsubscribe/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    oneClickUnsubscribeUrl: "http://localhost:3000/api/unsubscribe/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    eraseUrl: "http://localhost:3000/en/erase/CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",
  },
} satisfies SupporterUpdateProps;
