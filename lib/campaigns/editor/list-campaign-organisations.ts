import type { Actor } from "../../auth/authorize";
import { roleAtLeast } from "../../auth/authorize";
import { db } from "../../db";
import { defaultLocale, type Locale } from "../../i18n/locales";
import { readTranslations, type Translations } from "../../i18n/translations";
import { byName } from "../../organisations/list-organisations";

export type CampaignOrganisation = { id: string; name: Translations };

// The organisations the actor may start a campaign for: those where they are an organiser or
// owner, by name in the reader's language.
export async function listCampaignOrganisations(options: { actor: Actor; locale?: Locale }): Promise<CampaignOrganisation[]> {
  const ids = options.actor.memberships.filter((membership) => roleAtLeast(membership.role, "ORGANISER")).map((membership) => membership.organisationId);
  if (ids.length === 0) return [];
  const rows = await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return byName(
    rows.map((row) => ({ id: row.id, name: readTranslations(row.name) })),
    options.locale ?? defaultLocale,
  );
}
