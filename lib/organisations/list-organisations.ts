import type { Actor } from "../auth/authorize";
import { db } from "../db";
import type { MemberRole } from "../generated/prisma/enums";
import { defaultLocale, localized, type Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";

export type ActorOrganisation = { id: string; slug: string; name: Translations; role: MemberRole };

// The organisations the actor belongs to, by name as the reader sees it, with their role in each.
export async function listActorOrganisations(actor: Actor, locale: Locale = defaultLocale): Promise<ActorOrganisation[]> {
  const ids = actor.memberships.map((m) => m.organisationId);
  if (ids.length === 0) return [];
  const rows = await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true } });
  const organisations = rows.map((row) => ({ id: row.id, slug: row.slug, name: readTranslations(row.name), role: actor.memberships.find((m) => m.organisationId === row.id)!.role }));
  return byName(organisations, locale);
}

// Names are stored per language, so the order is the reader's: each organisation by the name
// the reader is shown, compared as their language sorts.
export function byName<T extends { id: string; name: Translations }>(organisations: T[], locale: Locale): T[] {
  const collator = new Intl.Collator(locale);
  return organisations
    .map((organisation) => ({ organisation, shown: localized(locale, organisation.name).text }))
    .sort((a, b) => collator.compare(a.shown, b.shown) || a.organisation.id.localeCompare(b.organisation.id))
    .map(({ organisation }) => organisation);
}

// Which of the actor's organisations an owner-only page is about: the one asked for, if they own
// it, else the first they own; null when there is none (the page is then not found).
export function chooseOwnedOrganisation(organisations: ActorOrganisation[], requested: string | null | undefined): ActorOrganisation | null {
  const owned = organisations.filter((o) => o.role === "OWNER");
  if (requested) return owned.find((o) => o.id === requested) ?? null;
  return owned[0] ?? null;
}
