import { getTranslations } from "next-intl/server";
import { languageNames } from "@/lib/i18n/locales";
import { BackLink } from "../../back-link";
import { EntryForm } from "../entry-form";
import { directoryPagePath, openDirectoryEditor, type DirectoryPageProps } from "../organisation";
import { organiserPageMetadata } from "../../page-access";

export const dynamic = "force-dynamic";

export const generateMetadata = organiserPageMetadata("Directory", "addTitle", { noIndex: true });

export default async function NewEntryPage(props: DirectoryPageProps) {
  const { locale, current } = await openDirectoryEditor(props);
  const t = await getTranslations({ locale, namespace: "Directory" });
  return (
    <>
      <BackLink href={directoryPagePath(locale, current.id)}>{t("back")}</BackLink>
      <h1>{t("addTitle")}</h1>
      <EntryForm locale={locale} organisationId={current.id} initial={{ preferredLocale: "en" }} languageNames={languageNames(locale)} />
    </>
  );
}
