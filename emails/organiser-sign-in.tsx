import { Text } from "@react-email/components";
import type { MemberRole } from "../lib/generated/prisma/enums";
import { isolate } from "../lib/i18n/isolate";
import type { Locale } from "../lib/i18n/locales";
import { translator } from "../lib/i18n/translator";
import { EmailButton, EmailLayout, LinkFallback, textStyle, withBdi } from "./parts";

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
  return props.invitation ? t("invitation.subject", { organisation: isolate(props.invitation.organisationName) }) : t("signIn.subject");
}

export function OrganiserSignInEmail(props: OrganiserSignInProps) {
  const t = translator(props.locale, "OrganiserEmails");
  const roles = translator(props.locale, "OrganiserRoles");
  const validity =
    props.validHours >= 24 && props.validHours % 24 === 0 ? t("validDays", { days: props.validHours / 24 }) : t("validHours", { hours: props.validHours });
  const invitation = props.invitation;
  return (
    <EmailLayout
      locale={props.locale}
      preview={organiserSignInSubject(props)}
      brand={t("brand")}
      heading={invitation ? t("invitation.heading", { organisation: isolate(invitation.organisationName) }) : t("signIn.heading")}
      footnote={invitation ? t("invitation.notYou") : t("signIn.notYou")}
    >
      <Text style={textStyle}>
        {invitation
          ? withBdi(
              invitation.invitedBy
                ? t("invitation.body", {
                    inviter: isolate(invitation.invitedBy),
                    organisation: isolate(invitation.organisationName),
                    role: roles(invitation.role),
                  })
                : t("invitation.bodyNoInviter", { organisation: isolate(invitation.organisationName), role: roles(invitation.role) }),
            )
          : t("signIn.body")}
      </Text>
      {invitation ? <Text style={textStyle}>{t(`invitation.roleMeans.${invitation.role}`)}</Text> : null}
      <EmailButton href={props.continueUrl}>{invitation ? t("invitation.button") : t("signIn.button")}</EmailButton>
      <Text style={textStyle}>{validity}</Text>
      <LinkFallback help={t("linkHelp")} url={props.continueUrl} locale={props.locale} />
    </EmailLayout>
  );
}

OrganiserSignInEmail.PreviewProps = {
  locale: "en",
  continueUrl: "http://localhost:3000/en/organiser/sign-in/continue?callback=http%3A%2F%2Flocalhost%3A3000%2Fapi%2Fauth%2Fcallback%2Femail%3Ftoken%3D0",
  validHours: 1,
  invitation: { organisationName: "Syrian Civil Defence Friends", role: "ORGANISER", invitedBy: "layla@example.org" },
} satisfies OrganiserSignInProps;
