import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { roleAtLeast, type Actor } from "@/lib/auth/authorize";
import type { Locale } from "@/lib/i18n/locales";
import { listActorOrganisations, type ActorOrganisation } from "@/lib/organisations/list-organisations";
import { requireOrganiser } from "../require-organiser";

// Which of the actor's organisations a directory page is about: the one asked for, else the first.
export async function chooseDirectoryOrganisation(actor: Actor, requested: string | string[] | undefined): Promise<{ current: ActorOrganisation | null; all: ActorOrganisation[] }> {
  const all = await listActorOrganisations(actor);
  const current = typeof requested === "string" ? (all.find((o) => o.id === requested) ?? null) : (all[0] ?? null);
  return { current, all };
}

export type DirectoryPageProps = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The pages that change the directory (add, edit, import) begin alike: the page's locale, the
// signed-in actor, and the organisation, which they must be at least an organiser of; anyone
// else gets "not found".
export async function openDirectoryEditor({ params, searchParams }: DirectoryPageProps): Promise<{ locale: Locale; actor: Actor; current: ActorOrganisation }> {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const { current } = await chooseDirectoryOrganisation(actor, (await searchParams).organisation);
  if (!current || !roleAtLeast(current.role, "ORGANISER")) notFound();
  return { locale, actor, current };
}

// The directory page of one organisation.
export function directoryPagePath(locale: Locale, organisationId: string): string {
  return `/${locale}/organiser/directory?organisation=${encodeURIComponent(organisationId)}`;
}
