import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { MemberRole } from "../lib/generated/prisma/enums";
import { direction, type Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";

export type OrganiserSignInProps = {
  locale: Locale;
  // Our continue page, which shows a Sign in button: the link itself signs no one in.
  continueUrl: string;
  validHours: number;
  // Present when an owner (or the command line) added this person to an organisation.
  invitation?: { organisationName: string; role: MemberRole; invitedBy: string | null };
};

export function organiserSignInSubject(props: OrganiserSignInProps): string {
  const t = translator(props.locale, "OrganiserEmails");
  return props.invitation ? t("invitation.subject", { organisation: props.invitation.organisationName }) : t("signIn.subject");
}

export function OrganiserSignInEmail(props: OrganiserSignInProps) {
  const t = translator(props.locale, "OrganiserEmails");
  const roles = translator(props.locale, "OrganiserRoles");
  const dir = direction(props.locale);
  const align = dir === "rtl" ? "right" : "left";
  const validity =
    props.validHours >= 24 && props.validHours % 24 === 0 ? t("validDays", { days: props.validHours / 24 }) : t("validHours", { hours: props.validHours });
  const invitation = props.invitation;
  return (
    <Html lang={props.locale} dir={dir}>
      <Head />
      <Preview>{organiserSignInSubject(props)}</Preview>
      <Body style={{ backgroundColor: "#f4f4f2", fontFamily: "'IBM Plex Sans Arabic', 'IBM Plex Sans', Arial, sans-serif", margin: 0 }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: 560, margin: "24px auto", padding: "32px 28px", textAlign: align }}>
          <Text style={{ color: "#0b5d3b", fontWeight: 700, fontSize: 18, margin: 0 }}>{t("brand")}</Text>
          <Heading as="h1" style={{ fontSize: 22, lineHeight: "30px", color: "#1b1b1b" }}>
            {invitation ? t("invitation.heading", { organisation: invitation.organisationName }) : t("signIn.heading")}
          </Heading>
          <Text style={textStyle}>
            {invitation
              ? invitation.invitedBy
                ? t("invitation.body", { inviter: invitation.invitedBy, organisation: invitation.organisationName, role: roles(invitation.role) })
                : t("invitation.bodyNoInviter", { organisation: invitation.organisationName, role: roles(invitation.role) })
              : t("signIn.body")}
          </Text>
          {invitation ? <Text style={textStyle}>{t(`invitation.roleMeans.${invitation.role}`)}</Text> : null}
          <Section style={{ margin: "24px 0" }}>
            <Button href={props.continueUrl} style={buttonStyle}>
              {invitation ? t("invitation.button") : t("signIn.button")}
            </Button>
          </Section>
          <Text style={textStyle}>{validity}</Text>
          <Text style={{ fontSize: 14, lineHeight: "22px", color: "#505a5f" }}>{t("linkHelp")}</Text>
          <Text style={{ fontSize: 14, lineHeight: "22px", wordBreak: "break-all", direction: "ltr", textAlign: align }}>{props.continueUrl}</Text>
          <Hr style={{ borderColor: "#d8dcde", margin: "28px 0 16px" }} />
          <Text style={{ fontSize: 13, lineHeight: "20px", color: "#505a5f" }}>{invitation ? t("invitation.notYou") : t("signIn.notYou")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

const textStyle = { fontSize: 16, lineHeight: "24px" };

const buttonStyle = {
  backgroundColor: "#0b5d3b",
  color: "#ffffff",
  fontSize: 16,
  fontWeight: 700,
  padding: "12px 20px",
  borderRadius: 4,
  textDecoration: "none",
};

OrganiserSignInEmail.PreviewProps = {
  locale: "en",
  continueUrl: "http://localhost:3000/en/organiser/sign-in/continue?callback=http%3A%2F%2Flocalhost%3A3000%2Fapi%2Fauth%2Fcallback%2Femail%3Ftoken%3D0",
  validHours: 1,
  invitation: { organisationName: "Syrian Civil Defence Friends", role: "ORGANISER", invitedBy: "layla@example.org" },
} satisfies OrganiserSignInProps;

export default OrganiserSignInEmail;
