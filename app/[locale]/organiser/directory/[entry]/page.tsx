import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { roleAtLeast } from "@/lib/auth/authorize";
import { getDecisionMaker } from "@/lib/decision-makers/manage-decision-maker";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { requireOrganiser } from "../../require-organiser";
import { EntryForm } from "../entry-form";
import { chooseDirectoryOrganisation } from "../organisation";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; entry: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Directory" });
  return { title: t("editTitle"), robots: { index: false, follow: false } };
}

export default async function EditEntryPage({ params, searchParams }: Props) {
  const { locale, entry: id } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const { current } = await chooseDirectoryOrganisation(actor, (await searchParams).organisation);
  if (!current || !roleAtLeast(current.role, "ORGANISER")) notFound();
  const entry = await getDecisionMaker({ actor, organisationId: current.id, id }).catch((error: unknown) => {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  });
  const t = await getTranslations({ locale, namespace: "Directory" });
  const initial = {
    name: entry.name,
    title: entry.title ?? "",
    titleAr: entry.titleAr ?? "",
    institution: entry.institution,
    institutionAr: entry.institutionAr ?? "",
    country: entry.country,
    region: entry.region ?? "",
    email: entry.email,
    contactUrl: entry.contactUrl ?? "",
    preferredLocale: entry.preferredLocale,
    lastVerifiedOn: entry.lastVerifiedOn ? entry.lastVerifiedOn.toISOString().slice(0, 10) : "",
  };
  return (
    <>
      <p className="meta">
        <a href={`/${locale}/organiser/directory?organisation=${encodeURIComponent(current.id)}`}>{t("back")}</a>
      </p>
      <h1>{t("editTitle")}</h1>
      <EntryForm locale={locale} organisationId={current.id} id={entry.id} initial={initial} />
    </>
  );
}
