import type { AccessRuleLike } from "../abuse/access-rules";
import type { RateLimits } from "../abuse/rate-limit";
import { isOpen } from "../campaigns/lifecycle";
import { database, type Database } from "../db";
import { env } from "../env";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";

type OwnerForSigning = { lead: boolean } & RateLimits;

export type SigningCampaign = {
  id: string;
  slug: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  is_open: boolean;
  // For the confirmation e-mail: its title, and the language the title falls back to.
  title: Translations;
  primary_locale: Locale;
  // Every signature needs a proof of work to count (a campaign under attack).
  proof_of_work: boolean;
  owners: OwnerForSigning[];
  rules: AccessRuleLike[];
};

const campaignQuery = { name: "sign-campaign", text: `
  SELECT c.id, c.slug, c.status,
    ${isOpen.sql("c")} AS is_open,
    c.title, c.primary_locale::text AS primary_locale, c.proof_of_work,
    coalesce((SELECT json_agg(json_build_object('lead', o.lead,
        'burstLimit', g.rate_burst_limit, 'burstWindowSeconds', g.rate_burst_window_seconds,
        'sustainedLimit', g.rate_sustained_limit, 'sustainedWindowSeconds', g.rate_sustained_window_seconds,
        'ceilingLimit', g.rate_ceiling_limit, 'ceilingWindowSeconds', g.rate_ceiling_window_seconds) ORDER BY o.created_at, o.organisation_id)
      FROM campaign_owners o JOIN organisations g ON g.id = o.organisation_id WHERE o.campaign_id = c.id), '[]'::json) AS owners,
    coalesce((SELECT json_agg(json_build_object('kind', r.kind, 'effect', r.effect, 'pattern', r.pattern))
      FROM access_rules r
      WHERE r.organisation_id IS NULL OR r.organisation_id IN (SELECT organisation_id FROM campaign_owners WHERE campaign_id = c.id)), '[]'::json) AS rules
  FROM campaigns c WHERE c.slug = $1` };

type Held = { database: Database; until: number; campaign: Promise<SigningCampaign | undefined> };
const held = new Map<string, Held>();

// What signing needs to know of a campaign, in one query: its status, whether it asks every signer
// for a proof of work, its owners' rate limits
// and every access rule that applies. An open campaign's answer is kept for SIGNING_CACHE_MS, so
// a busy campaign is not read again for every signature; the statement that records signatures
// checks again that the campaign is open. Anything else (unknown, closed, not yet open) is read
// afresh every time.
export function signingCampaign(slug: string): Promise<SigningCampaign | undefined> {
  const db = database();
  const now = Date.now();
  const kept = held.get(slug);
  if (kept && kept.database === db && kept.until > now) return kept.campaign;
  const campaign = db
    .sql<Omit<SigningCampaign, "title"> & { title: unknown }>(campaignQuery, [slug])
    .then(([row]) => (row ? { ...row, title: readTranslations(row.title) } : undefined));
  if (env.SIGNING_CACHE_MS > 0) {
    const entry: Held = { database: db, until: now + env.SIGNING_CACHE_MS, campaign };
    held.set(slug, entry);
    const drop = () => {
      if (held.get(slug) === entry) held.delete(slug);
    };
    campaign.then((found) => (found?.is_open ? undefined : drop()), drop);
  }
  return campaign;
}

// After a change to a campaign, an organisation's limits or the access rules.
export function forgetSigningCampaigns(): void {
  held.clear();
}
