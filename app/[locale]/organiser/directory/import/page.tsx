import { codeTag } from "@/app/components/code-tag";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { roleAtLeast } from "@/lib/auth/authorize";
import { directoryColumns } from "@/lib/decision-makers/directory-csv";
import type { Locale } from "@/lib/i18n/locales";
import { requireOrganiser } from "../../require-organiser";
import { chooseDirectoryOrganisation } from "../organisation";
import { ImportForm } from "./import-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Directory" });
  return { title: t("importTitle"), robots: { index: false, follow: false } };
}

export default async function ImportPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const { current } = await chooseDirectoryOrganisation(actor, (await searchParams).organisation);
  if (!current || !roleAtLeast(current.role, "ORGANISER")) notFound();
  const t = await getTranslations({ locale, namespace: "Directory" });
  return (
    <>
      <p className="meta">
        <a href={`/${locale}/organiser/directory?organisation=${encodeURIComponent(current.id)}`}>{t("back")}</a>
      </p>
      <h1>{t("importTitle")}</h1>
      <p className="lede">{t("importIntro")}</p>
      <p>
        {t.rich("importColumns", { code: codeTag })} <code lang="en" dir="ltr">{Object.keys(directoryColumns).join(",")}</code>
      </p>
      <ImportForm locale={locale} organisationId={current.id} />
    </>
  );
}
