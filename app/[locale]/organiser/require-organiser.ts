import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/authorize";
import { getActor } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locales";

// The first line of every organiser page, layout-independent (directly, or through the openers in
// page-access.ts and directory/organisation.ts), and of every organiser server action, in its own
// body: no session (or no membership left) means the sign-in page. Roles are then checked by the
// domain function the page or action calls (requireOrganisationRole, requireCampaignRole).
export async function requireOrganiser(locale: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/${isLocale(locale) ? locale : "en"}/organiser/sign-in`);
  return actor;
}
