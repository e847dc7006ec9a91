import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { defaultLocale, localized } from "../i18n/locales";
import { keyedTranslations, languageKeyed, readTranslations, type Translations } from "../i18n/translations";
import { publicPath } from "../public-urls";
import { controlCharacters, headerSyntax, organisationProfileSchema, profileFieldErrors, profileFields, profileLimits, profileTexts, type OrganisationProfileInput } from "./profile-schema";

// What the public, decision-makers and the API are told of an organisation.
export type PublicOrganisation = {
  slug: string;
  // Per language, as the organisation gives them.
  name: Translations;
  description: Translations;
  website: string | null;
  contactEmail: string | null;
  // Paths of the logo's two squares (256 and 64 pixels), when it has one.
  logo: { large: string; small: string } | null;
};

export const publicOrganisationSelect = {
  slug: true,
  name: true,
  description: true,
  website: true,
  contactEmail: true,
  logo: { select: { largeSha256: true, smallSha256: true } },
} as const;

type PublicOrganisationRow = {
  slug: string;
  name: unknown;
  description: unknown;
  website: string | null;
  contactEmail: string | null;
  logo: { largeSha256: string; smallSha256: string } | null;
};

export function publicOrganisation(row: PublicOrganisationRow): PublicOrganisation {
  return {
    slug: row.slug,
    name: readTranslations(row.name),
    description: readTranslations(row.description),
    website: row.website,
    contactEmail: row.contactEmail,
    logo: row.logo ? { large: publicPath.organisationLogo(row.logo.largeSha256), small: publicPath.organisationLogo(row.logo.smallSha256) } : null,
  };
}

// A display name made safe for a From header, whatever was stored: no control characters or line
// breaks (a new header), no quotes, angle brackets or separators (a forged address), one line of
// at most the profile's limit.
function headerSafe(value: string): string {
  const cleaned = value
    .replace(new RegExp(controlCharacters.source, "g"), " ")
    .replace(new RegExp(headerSyntax.source, "g"), "")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(cleaned).slice(0, profileLimits.senderName).join("").trim();
}

// The display name of mail sent for an organisation: the sender name its owners chose, else its
// name (in English, else in whichever language it has), else Nida's. Every mail that speaks for an
// organisation takes its From name from here.
export function organisationSender(organisation: { name: Translations; senderName?: string | null }): string {
  return headerSafe(organisation.senderName ?? "") || headerSafe(localized(defaultLocale, organisation.name).text) || "Nida";
}

export type OrganisationProfile = OrganisationProfileInput & { id: string; slug: string; logo: { large: string; small: string } | null };

type StoredProfile = { name: Translations; description: Translations; website: string | null; contactEmail: string | null; senderName: string | null };

// The stored profile as the form has it: the name and the description in every language.
function formValues(stored: StoredProfile): OrganisationProfileInput {
  return {
    ...languageKeyed(profileTexts, stored, null),
    name: stored.name.en ?? "",
    website: stored.website,
    contactEmail: stored.contactEmail,
    senderName: stored.senderName,
  };
}

// Owners only: the profile as the form shows it.
export async function getOrganisationProfile(options: { actor: Actor; organisationId: string }): Promise<OrganisationProfile> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const row = await db.organisation.findUnique({
    where: { id: options.organisationId },
    select: { id: true, senderName: true, ...publicOrganisationSelect },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const shown = publicOrganisation(row);
  return { id: row.id, slug: row.slug, ...formValues({ ...shown, senderName: row.senderName }), logo: shown.logo };
}

// Owners only: the whole profile replaced at once, or nothing changed and each bad field named.
// The audit entry lists the fields that changed, with their new values (all of them public).
export async function updateOrganisationProfile(options: { actor: Actor; organisationId: string; input: unknown }): Promise<OrganisationProfileInput> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const parsed = organisationProfileSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: profileFieldErrors(parsed.error) });
  const profile = parsed.data;
  await db.$transaction(async (tx) => {
    const row = await tx.organisation.findUnique({ where: { id: options.organisationId }, select: { name: true, description: true, website: true, contactEmail: true, senderName: true } });
    if (!row) throw new AppError("NOT_FOUND");
    const name = readTranslations(row.name);
    const description = readTranslations(row.description);
    const before = formValues({ ...row, name, description });
    const changed = profileFields.filter((field) => before[field] !== profile[field]);
    if (changed.length === 0) return;
    await tx.organisation.update({
      where: { id: options.organisationId },
      data: {
        name: keyedTranslations(profile, "name"),
        description: keyedTranslations(profile, "description"),
        website: profile.website,
        contactEmail: profile.contactEmail,
        senderName: profile.senderName,
      },
    });
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actor: options.actor,
      action: "organisation.profile",
      affected: 1,
      details: { changed, values: Object.fromEntries(changed.map((field) => [field, profile[field]])) },
    });
  });
  return profile;
}
