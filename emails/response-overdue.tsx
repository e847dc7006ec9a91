import { Text } from "@react-email/components";
import { formatDate, formatNumber } from "../lib/i18n/format";
import { isolate } from "../lib/i18n/isolate";
import type { Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";
import { EmailButton, EmailLayout, otherLanguages, textStyle, withBdi } from "./parts";

export type ResponseOverdueProps = {
  locale: Locale;
  campaignTitle: string;
  // The title's language: the campaign's own where it has none in the e-mail's. Absent in messages
  // queued before it was kept, which read it as the e-mail's.
  campaignTitleLocale?: Locale;
  decisionMakerName: string;
  institution: string;
  signatures: number;
  // ISO times: when the count reached the threshold, and when the answer fell due.
  askedAt: string;
  dueAt: string;
  deliveryUrl: string;
};

export function responseOverdueSubject(props: ResponseOverdueProps): string {
  return translator(props.locale, "ResponseOverdueEmail")("subject", { name: isolate(props.decisionMakerName), title: isolate(props.campaignTitle) });
}

export function ResponseOverdueEmail(props: ResponseOverdueProps) {
  const t = translator(props.locale, "ResponseOverdueEmail");
  const languages = otherLanguages(props.locale, [[props.campaignTitle, props.campaignTitleLocale]]);
  return (
    <EmailLayout locale={props.locale} preview={responseOverdueSubject(props)} brand={t("brand")} heading={t("heading")} footnote={t("footnote")}>
      <Text style={textStyle}>
        {withBdi(
          t("body", {
            name: isolate(props.decisionMakerName),
            institution: isolate(props.institution),
            title: isolate(props.campaignTitle),
            signatures: formatNumber(props.signatures, props.locale),
            signaturesCount: props.signatures,
            asked: formatDate(new Date(props.askedAt), props.locale),
            due: formatDate(new Date(props.dueAt), props.locale),
          }),
          languages,
        )}
      </Text>
      <Text style={textStyle}>{t("next")}</Text>
      <EmailButton href={props.deliveryUrl}>{t("button")}</EmailButton>
    </EmailLayout>
  );
}

ResponseOverdueEmail.PreviewProps = {
  locale: "en",
  campaignTitle: "Protect civilians in northwest Syria",
  decisionMakerName: "Minister of Foreign Affairs",
  institution: "Ministry of Foreign Affairs",
  signatures: 10000,
  askedAt: "2026-11-01T09:00:00.000Z",
  dueAt: "2026-12-01T09:00:00.000Z",
  deliveryUrl: "http://localhost:3000/en/organiser/campaigns/c1/delivery",
} satisfies ResponseOverdueProps;
