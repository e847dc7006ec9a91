import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Actor } from "@/lib/auth/authorize";
import { isAppError } from "@/lib/errors";
import { localized, type Locale } from "@/lib/i18n/locales";
import { chooseOwnedOrganisation, listActorOrganisations, type ActorOrganisation } from "@/lib/organisations/list-organisations";
import { requireOrganiser } from "./require-organiser";

// An organiser page's generateMetadata: its translated title, and for the pages that say so
// themselves, kept out of search engines.
export function organiserPageMetadata(namespace: string, key: string, { noIndex = false }: { noIndex?: boolean } = {}) {
  return async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return noIndex ? { title: t(key), robots: { index: false, follow: false } } : { title: t(key) };
  };
}

// What a page loads through a domain function: a thing the actor may not see is a 404, as one
// that does not exist (the domain answers NOT_FOUND for both).
export function orNotFound<T>(loading: Promise<T>): Promise<T> {
  return loading.catch((error: unknown) => {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  });
}

// The owner-only pages (members, webhooks, audit log, settings) begin alike: the signed-in actor
// and the organisation asked for in ?organisation= if they own it, else the first they own. An
// actor who owns none, or asks for one they do not own, gets "not found".
export async function requireOwnedOrganisation(
  locale: Locale,
  requested: string | string[] | undefined,
): Promise<{ actor: Actor; organisation: ActorOrganisation; name: string; otherOwned: ActorOrganisation[] }> {
  const actor = await requireOrganiser(locale);
  const organisations = await listActorOrganisations(actor, locale);
  const organisation = chooseOwnedOrganisation(organisations, typeof requested === "string" ? requested : null);
  if (!organisation) notFound();
  return {
    actor,
    organisation,
    name: localized(locale, organisation.name).text,
    otherOwned: organisations.filter((o) => o.role === "OWNER" && o.id !== organisation.id),
  };
}

// A campaign's organiser pages begin alike: the page's locale, the signed-in actor, and what the
// page shows, loaded through a domain function that checks the actor's role in the campaign.
export async function openCampaignPage<T>(
  params: Promise<{ locale: Locale; id: string }>,
  load: (input: { actor: Actor; campaignId: string }) => Promise<T>,
): Promise<{ locale: Locale; actor: Actor; loaded: T }> {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  return { locale, actor, loaded: await orNotFound(load({ actor, campaignId: id })) };
}
