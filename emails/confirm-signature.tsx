import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { direction, type Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";

export type ConfirmSignatureProps = {
  locale: Locale;
  name: string;
  campaignTitle: string;
  confirmUrl: string;
  // A repeat request from someone who has already confirmed: nothing to confirm, say so.
  alreadyConfirmed?: boolean;
  campaignUrl: string;
};

export function confirmSignatureSubject(props: ConfirmSignatureProps): string {
  const t = translator(props.locale, "Emails");
  return props.alreadyConfirmed
    ? t("alreadySigned.subject", { title: props.campaignTitle })
    : t("confirm.subject", { title: props.campaignTitle });
}

export function ConfirmSignatureEmail(props: ConfirmSignatureProps) {
  const t = translator(props.locale, "Emails");
  const dir = direction(props.locale);
  const align = dir === "rtl" ? "right" : "left";
  return (
    <Html lang={props.locale} dir={dir}>
      <Head />
      <Preview>{confirmSignatureSubject(props)}</Preview>
      <Body style={{ backgroundColor: "#f4f4f2", fontFamily: "'IBM Plex Sans Arabic', 'IBM Plex Sans', Arial, sans-serif", margin: 0 }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: 560, margin: "24px auto", padding: "32px 28px", textAlign: align }}>
          <Text style={{ color: "#0b5d3b", fontWeight: 700, fontSize: 18, margin: 0 }}>{t("brand")}</Text>
          <Heading as="h1" style={{ fontSize: 22, lineHeight: "30px", color: "#1b1b1b" }}>
            {props.alreadyConfirmed ? t("alreadySigned.heading") : t("confirm.heading")}
          </Heading>
          <Text style={{ fontSize: 16, lineHeight: "24px" }}>{t("greeting", { name: props.name })}</Text>
          {props.alreadyConfirmed ? (
            <>
              <Text style={{ fontSize: 16, lineHeight: "24px" }}>
                {t("alreadySigned.body", { title: props.campaignTitle })}
              </Text>
              <Section style={{ margin: "24px 0" }}>
                <Button href={props.campaignUrl} style={buttonStyle}>
                  {t("alreadySigned.button")}
                </Button>
              </Section>
            </>
          ) : (
            <>
              <Text style={{ fontSize: 16, lineHeight: "24px" }}>{t("confirm.body", { title: props.campaignTitle })}</Text>
              <Section style={{ margin: "24px 0" }}>
                <Button href={props.confirmUrl} style={buttonStyle}>
                  {t("confirm.button")}
                </Button>
              </Section>
              <Text style={{ fontSize: 14, lineHeight: "22px", color: "#505a5f" }}>{t("confirm.linkHelp")}</Text>
              <Text style={{ fontSize: 14, lineHeight: "22px", wordBreak: "break-all", direction: "ltr", textAlign: align }}>
                {props.confirmUrl}
              </Text>
            </>
          )}
          <Hr style={{ borderColor: "#d8dcde", margin: "28px 0 16px" }} />
          <Text style={{ fontSize: 13, lineHeight: "20px", color: "#505a5f" }}>{t("notYou")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

const buttonStyle = {
  backgroundColor: "#0b5d3b",
  color: "#ffffff",
  fontSize: 16,
  fontWeight: 700,
  padding: "12px 20px",
  borderRadius: 4,
  textDecoration: "none",
};

ConfirmSignatureEmail.PreviewProps = {
  locale: "en",
  name: "Layla",
  campaignTitle: "Protect civilians in northwest Syria",
  confirmUrl: "http://localhost:3000/en/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  campaignUrl: "http://localhost:3000/en/campaigns/protect-civilians-northwest-syria",
} satisfies ConfirmSignatureProps;

export default ConfirmSignatureEmail;
