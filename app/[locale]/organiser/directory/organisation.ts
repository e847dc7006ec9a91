import { notFound } from "next/navigation";
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

// The pages that change the directory (add, edit, import): the signed-in actor, and the
// organisation, which they must be at least an organiser of; anyone else gets "not found".
export async function requireDirectoryEditor(locale: Locale, requested: string | string[] | undefined): Promise<{ actor: Actor; current: ActorOrganisation }> {
  const actor = await requireOrganiser(locale);
  const { current } = await chooseDirectoryOrganisation(actor, requested);
  if (!current || !roleAtLeast(current.role, "ORGANISER")) notFound();
  return { actor, current };
}

// The directory page of one organisation.
export function directoryPagePath(locale: Locale, organisationId: string): string {
  return `/${locale}/organiser/directory?organisation=${encodeURIComponent(organisationId)}`;
}
