import { Text } from "@react-email/components";
import { isolate } from "../lib/i18n/isolate";
import type { Locale } from "../lib/i18n/locales";
import type { SupporterLinks } from "../lib/privacy/supporter-links";
import { translator } from "../lib/i18n/translator";
import { EmailButton, EmailLayout, LinkFallback, SupporterFooter, otherLanguages, textStyle, withBdi } from "./parts";

export type ConfirmSignatureProps = {
  locale: Locale;
  name: string;
  campaignTitle: string;
  // The title's language: the campaign's own where it has none in the e-mail's. Absent in messages
  // queued before it was kept, which read it as the e-mail's.
  campaignTitleLocale?: Locale;
  confirmUrl: string;
  // A repeat request from someone who has already confirmed: nothing to confirm, say so.
  alreadyConfirmed?: boolean;
  // ...and whose signature is held for review, so it does not count yet: say that too.
  held?: boolean;
  // The one reminder sent a day after signing to a signer who has not confirmed.
  reminder?: boolean;
  campaignUrl: string;
  // Unsubscribe and erase links; absent only in messages queued before they existed.
  supporterLinks?: SupporterLinks;
};

export function confirmSignatureSubject(props: ConfirmSignatureProps): string {
  const t = translator(props.locale, "Emails");
  const title = isolate(props.campaignTitle);
  if (props.alreadyConfirmed) return t("alreadySigned.subject", { title });
  return t(props.reminder ? "reminder.subject" : "confirm.subject", { title });
}

export function ConfirmSignatureEmail(props: ConfirmSignatureProps) {
  const t = translator(props.locale, "Emails");
  const title = isolate(props.campaignTitle);
  const languages = otherLanguages(props.locale, [[props.campaignTitle, props.campaignTitleLocale]]);
  return (
    <EmailLayout
      locale={props.locale}
      languages={languages}
      preview={confirmSignatureSubject(props)}
      brand={t("brand")}
      heading={t(props.alreadyConfirmed ? "alreadySigned.heading" : props.reminder ? "reminder.heading" : "confirm.heading")}
      footnote={t("notYou")}
      footer={props.supporterLinks ? <SupporterFooter locale={props.locale} links={props.supporterLinks} /> : null}
    >
      <Text style={textStyle}>{withBdi(t("greeting", { name: isolate(props.name) }))}</Text>
      {props.alreadyConfirmed ? (
        <>
          <Text style={textStyle}>{withBdi(t(props.held ? "alreadySigned.bodyHeld" : "alreadySigned.body", { title }), languages)}</Text>
          <EmailButton href={props.campaignUrl}>{t("alreadySigned.button")}</EmailButton>
        </>
      ) : (
        <>
          <Text style={textStyle}>{withBdi(t(props.reminder ? "reminder.body" : "confirm.body", { title }), languages)}</Text>
          <EmailButton href={props.confirmUrl}>{t("confirm.button")}</EmailButton>
          <LinkFallback help={t("confirm.linkHelp")} url={props.confirmUrl} locale={props.locale} />
        </>
      )}
    </EmailLayout>
  );
}

ConfirmSignatureEmail.PreviewProps = {
  locale: "en",
  name: "Layla",
  campaignTitle: "Protect civilians in northwest Syria",
  confirmUrl: "http://localhost:3000/en/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  campaignUrl: "http://localhost:3000/en/campaigns/protect-civilians-northwest-syria",
  supporterLinks: {
    unsubscribeUrl: "http://localhost:3000/en/unsubscribe/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    oneClickUnsubscribeUrl: "http://localhost:3000/api/unsubscribe/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    eraseUrl: "http://localhost:3000/en/erase/CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",
  },
} satisfies ConfirmSignatureProps;
