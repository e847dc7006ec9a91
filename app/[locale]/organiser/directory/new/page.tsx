import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { BackLink } from "../../back-link";
import { EntryForm } from "../entry-form";
import { directoryPagePath, requireDirectoryEditor } from "../organisation";
import { organiserPageMetadata } from "../../page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("Directory", "addTitle", { noIndex: true });

export default async function NewEntryPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { current } = await requireDirectoryEditor(locale, (await searchParams).organisation);
  const t = await getTranslations({ locale, namespace: "Directory" });
  return (
    <>
      <BackLink href={directoryPagePath(locale, current.id)}>{t("back")}</BackLink>
      <h1>{t("addTitle")}</h1>
      <EntryForm locale={locale} organisationId={current.id} initial={{ preferredLocale: "en" }} />
    </>
  );
}
