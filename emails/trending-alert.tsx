import { Text } from "@react-email/components";
import { isolate } from "../lib/i18n/isolate";
import type { Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";
import { EmailButton, EmailLayout, otherLanguages, textStyle, withBdi } from "./parts";

export type TrendingAlertProps = {
  locale: Locale;
  campaignTitle: string;
  // The title's language: the campaign's own where it has none in the e-mail's. Absent in messages
  // queued before it was kept, which read it as the e-mail's.
  campaignTitleLocale?: Locale;
  kind: "IP_HASH" | "EMAIL_DOMAIN";
  // The IP hash (never an address) or the e-mail domain.
  value: string;
  confirmed: number;
  // Signatures of that hour held for review (beyond the rate limits); absent in older messages.
  held?: number;
  // The start of the hour, as an ISO time (UTC).
  hourStart: string;
  dashboardUrl: string;
};

export function trendingAlertSubject(props: TrendingAlertProps): string {
  return translator(props.locale, "TrendingAlertEmail")("subject", { title: isolate(props.campaignTitle) });
}

export function TrendingAlertEmail(props: TrendingAlertProps) {
  const t = translator(props.locale, "TrendingAlertEmail");
  const hour = props.hourStart.slice(0, 16).replace("T", " ");
  const languages = otherLanguages(props.locale, [[props.campaignTitle, props.campaignTitleLocale]]);
  return (
    <EmailLayout locale={props.locale} preview={trendingAlertSubject(props)} brand={t("brand")} heading={t("heading")} footnote={t("footnote")}>
      <Text style={textStyle}>
        {withBdi(t(props.kind === "IP_HASH" ? "bodyIpHash" : "bodyEmailDomain", { title: isolate(props.campaignTitle), count: props.confirmed, hour }), languages)}
      </Text>
      <Text style={{ ...textStyle, direction: "ltr", fontFamily: "monospace" }}>{props.value}</Text>
      {props.held ? <Text style={textStyle}>{t("held", { count: props.held })}</Text> : null}
      <Text style={textStyle}>{t("next")}</Text>
      <EmailButton href={props.dashboardUrl}>{t("button")}</EmailButton>
    </EmailLayout>
  );
}

TrendingAlertEmail.PreviewProps = {
  locale: "en",
  campaignTitle: "Protect civilians in northwest Syria",
  kind: "IP_HASH",
  value: "Qm9ndXNJcEhhc2hGb3JQcmV2aWV3MDEy",
  confirmed: 120,
  held: 40,
  hourStart: "2026-11-21T09:00:00.000Z",
  dashboardUrl: "http://localhost:3000/en/organiser#trending-flags",
} satisfies TrendingAlertProps;
