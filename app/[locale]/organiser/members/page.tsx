import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrganisationSwitch } from "@/app/components/organisation-switch";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listMembers } from "@/lib/organisations/list-members";
import { InviteForm } from "./invite-form";
import { MemberList } from "./member-list";
import { organiserPageMetadata, requireOwnedOrganisation } from "../page-access";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("OrganiserMembers", "title");

// Owners only. Anyone else, and an organisation the actor does not own, gets "not found".
export default async function MembersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, organisation, name, otherOwned } = await requireOwnedOrganisation(locale, (await searchParams).organisation);
  const [t, members] = await Promise.all([getTranslations({ locale, namespace: "OrganiserMembers" }), listMembers({ actor, organisationId: organisation.id })]);

  return (
    <>
      <h1>{t("heading", { organisation: name })}</h1>
      <p className="lede">{t("intro")}</p>
      <OrganisationSwitch label={t("otherOrganisations")} organisations={otherOwned} pagePath={`/${locale}/organiser/members`} locale={locale} />
      <section aria-labelledby="members-heading" className="organiser-section">
        <h2 id="members-heading">{t("listHeading")}</h2>
        <MemberList
          locale={locale}
          organisationId={organisation.id}
          members={members.map((member) => ({ userId: member.userId, email: member.email, role: member.role, since: formatDate(member.since, locale), isYou: member.isYou }))}
        />
      </section>
      <section aria-labelledby="invite-heading" className="organiser-section organiser-panel">
        <h2 id="invite-heading">{t("inviteHeading")}</h2>
        <p>{t("inviteIntro")}</p>
        <InviteForm locale={locale} organisationId={organisation.id} />
      </section>
    </>
  );
}
