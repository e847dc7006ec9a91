import { Link, Text } from "@react-email/components";
import { isolate } from "../lib/i18n/isolate";
import type { Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";
import type { SupporterLinks } from "../lib/privacy/supporter-links";
import { EmailButton, EmailLayout, SupporterFooter, otherLanguages, textStyle, withBdi } from "./parts";

// One piece of news: the petition reached a decision-maker, or one answered (its summary as the
// organisers published it).
export type NoticeItem = { kind: "delivered"; addressee: string } | { kind: "answered"; addressee: string; summary: string };

export type CampaignNoticeProps = {
  locale: Locale;
  // The reader reads Arabic and part of this (a name, an answer) exists only in English: say so.
  englishParts?: boolean;
  organisationName: string;
  campaignTitle: string;
  // The title's language: the campaign's own where it has none in the reader's.
  campaignTitleLocale?: Locale;
  items: NoticeItem[];
  // The campaign page's public record of who received the petition and who answered.
  recordUrl: string;
  supporterLinks: SupporterLinks;
};

export function campaignNoticeSubject(props: CampaignNoticeProps): string {
  const t = translator(props.locale, "NoticeEmail");
  const [only] = props.items;
  if (props.items.length === 1 && only) {
    const addressee = isolate(only.addressee);
    return only.kind === "delivered" ? t("subjectDelivered", { addressee }) : t("subjectAnswered", { addressee });
  }
  return t("subjectSeveral", { title: isolate(props.campaignTitle) });
}

export function CampaignNoticeEmail(props: CampaignNoticeProps) {
  const t = translator(props.locale, "NoticeEmail");
  const title = isolate(props.campaignTitle);
  const languages = otherLanguages(props.locale, [[props.campaignTitle, props.campaignTitleLocale]]);
  return (
    <EmailLayout
      locale={props.locale}
      languages={languages}
      preview={campaignNoticeSubject(props)}
      brand={isolate(props.organisationName)}
      heading={campaignNoticeSubject(props)}
      footnote={t("why", { title })}
      footer={<SupporterFooter locale={props.locale} links={props.supporterLinks} />}
    >
      {props.englishParts ? <Text style={{ ...textStyle, color: "#505a5f" }}>{t("englishParts")}</Text> : null}
      {props.items.map((item, index) =>
        item.kind === "delivered" ? (
          <Text key={index} style={textStyle}>
            {withBdi(t("delivered", { title, addressee: isolate(item.addressee) }), languages)}
          </Text>
        ) : (
          <Text key={index} style={textStyle}>
            {withBdi(t("answered", { addressee: isolate(item.addressee) }))}{" "}
            <q>
              <bdi>{item.summary}</bdi>
            </q>
          </Text>
        ),
      )}
      <EmailButton href={props.recordUrl}>{t("button")}</EmailButton>
      <Text style={{ fontSize: 14, lineHeight: "22px", color: "#505a5f" }}>
        {t("recordHelp")}{" "}
        <Link href={props.recordUrl} style={{ color: "#0b5d3b", wordBreak: "break-all" }}>
          {props.recordUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}

CampaignNoticeEmail.PreviewProps = {
  locale: "en",
  organisationName: "Syrian Civil Defence",
  campaignTitle: "Protect civilians in northwest Syria",
  items: [
    { kind: "delivered", addressee: "UN Security Council" },
    { kind: "answered", addressee: "UK Foreign Office", summary: "The Minister will raise the attacks at the Council on Thursday." },
  ],
  recordUrl: "http://localhost:3000/en/campaigns/protect-civilians-northwest-syria#addressees-heading",
  supporterLinks: {
    unsubscribeUrl: "http://localhost:3000/en/unsubscribe/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    oneClickUnsubscribeUrl: "http://localhost:3000/api/unsubscribe/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    eraseUrl: "http://localhost:3000/en/erase/CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",
  },
} satisfies CampaignNoticeProps;
