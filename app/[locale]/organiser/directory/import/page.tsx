import { codeTag } from "@/app/components/code-tag";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { directoryColumns } from "@/lib/decision-makers/directory-csv";
import type { Locale } from "@/lib/i18n/locales";
import { BackLink } from "../../back-link";
import { directoryPagePath, requireDirectoryEditor } from "../organisation";
import { ImportForm } from "./import-form";
import { organiserPageMetadata } from "../../page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("Directory", "importTitle", { noIndex: true });

export default async function ImportPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { current } = await requireDirectoryEditor(locale, (await searchParams).organisation);
  const t = await getTranslations({ locale, namespace: "Directory" });
  return (
    <>
      <BackLink href={directoryPagePath(locale, current.id)}>{t("back")}</BackLink>
      <h1>{t("importTitle")}</h1>
      <p className="lede">{t("importIntro")}</p>
      <p>
        {t.rich("importColumns", { code: codeTag })} <code lang="en" dir="ltr">{Object.keys(directoryColumns).join(",")}</code>
      </p>
      <ImportForm locale={locale} organisationId={current.id} />
    </>
  );
}
