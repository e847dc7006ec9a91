import { getTranslations } from "next-intl/server";
import { getDecisionMaker } from "@/lib/decision-makers/manage-decision-maker";
import { translatedFields } from "@/lib/decision-makers/schema";
import { languageNames, type Locale } from "@/lib/i18n/locales";
import { languageKeyed } from "@/lib/i18n/translations";
import { BackLink } from "../../back-link";
import { EntryForm } from "../entry-form";
import { directoryPagePath, openDirectoryEditor, type DirectoryPageProps } from "../organisation";
import { organiserPageMetadata, orNotFound } from "../../page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; entry: string }>; searchParams: DirectoryPageProps["searchParams"] };

export const generateMetadata = organiserPageMetadata("Directory", "editTitle", { noIndex: true });

export default async function EditEntryPage({ params, searchParams }: Props) {
  const { locale, actor, current } = await openDirectoryEditor({ params, searchParams });
  const { entry: id } = await params;
  const entry = await orNotFound(getDecisionMaker({ actor, organisationId: current.id, id }));
  const t = await getTranslations({ locale, namespace: "Directory" });
  const initial = {
    ...languageKeyed(translatedFields, entry, ""),
    country: entry.country,
    region: entry.region ?? "",
    email: entry.email,
    contactUrl: entry.contactUrl ?? "",
    preferredLocale: entry.preferredLocale,
    lastVerifiedOn: entry.lastVerifiedOn ? entry.lastVerifiedOn.toISOString().slice(0, 10) : "",
    riskToSigners: entry.riskToSigners ? "yes" : "",
  };
  return (
    <>
      <BackLink href={directoryPagePath(locale, current.id)}>{t("back")}</BackLink>
      <h1>{t("editTitle")}</h1>
      <EntryForm locale={locale} organisationId={current.id} id={entry.id} initial={initial} languageNames={languageNames(locale)} />
    </>
  );
}
