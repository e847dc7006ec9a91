import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { decisionMakerProfile, decisionMakerProfileSelect } from "../decision-makers/profile";
import { countSnapshot } from "../digests/count-snapshot";
import { AppError } from "../errors";
import { contentLocales, type Locale } from "../i18n/locales";
import { readTranslations } from "../i18n/translations";
import { publicOrganisation, publicOrganisationSelect } from "../organisations/profile";
import { statementFacts, statementFactsSelect } from "../statements/statement-facts";
import { inPersonPeriod } from "../digests/period";
import { renderDeliveryPack, type PackContent } from "./render-delivery-pack";

// Messages are keys of "DeliveryPack.errors".
const packSchema = z.object({
  decisionMaker: z.string({ error: "decisionMakerRequired" }).trim().min(1, "decisionMakerRequired").max(64, "decisionMakerRequired"),
  locale: z.enum(contentLocales, { error: "localeInvalid" }),
  includeNames: z.boolean().default(false),
});

export type DeliveryPack = { fileName: string; campaignSlug: string; stream: ReadableStream<Uint8Array>; deliveryIds: string[] };

// A delivery pack for one decision-maker the campaign addresses, or for all of them ("all"). Its
// count is taken once, recorded as an in-person delivery to each recipient in the public log,
// and the PDF that states it is then drawn as the response reads it.
export async function generateDeliveryPack(options: { actor: Actor; campaignId: string; values: unknown; signal?: AbortSignal }): Promise<DeliveryPack> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const parsed = packSchema.safeParse(options.values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("VALIDATION", { fields: { [String(issue?.path[0] ?? "decisionMaker")]: issue?.message ?? "decisionMakerRequired" } });
  }
  const input = parsed.data;
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: options.campaignId },
    select: {
      id: true,
      slug: true,
      title: true,
      primaryLocale: true,
      owners: { orderBy: [{ lead: "desc" }, { createdAt: "asc" }], select: { organisation: { select: publicOrganisationSelect } } },
      demands: { orderBy: { position: "asc" }, select: { text: true, sourceQuote: true, sourceStatement: { select: statementFactsSelect } } },
      targets: {
        where: { decisionMaker: { retiredAt: null } },
        orderBy: [{ createdAt: "asc" }, { decisionMakerId: "asc" }],
        select: { decisionMaker: { select: decisionMakerProfileSelect } },
      },
    },
  });
  const addressed = campaign.targets.map((target) => decisionMakerProfile(target.decisionMaker));
  if (addressed.length === 0) throw new AppError("VALIDATION", { fields: { decisionMaker: "noTargets" } });
  const recipients = input.decisionMaker === "all" ? addressed : addressed.filter((person) => person.id === input.decisionMaker);
  if (recipients.length === 0) throw new AppError("VALIDATION", { fields: { decisionMaker: "decisionMakerRequired" } });

  // The digests' own count: total and fingerprint from one statement over the signature rows.
  const snapshot = await countSnapshot(campaign.id);
  const [online, paper] = await Promise.all([
    db.$queryRaw<{ country: string; count: number }[]>`
      SELECT country, count(*)::int AS count FROM signatures
       WHERE campaign_id = ${campaign.id} AND state = 'CONFIRMED' AND confirmed_at <= ${snapshot.countedAt}
       GROUP BY country`,
    db.$queryRaw<{ country: string; count: number }[]>`
      SELECT country, count(*)::int AS count FROM paper_signatures
       WHERE campaign_id = ${campaign.id} AND created_at <= ${snapshot.countedAt}
       GROUP BY country`,
  ]);

  const periodKey = inPersonPeriod(snapshot.countedAt);
  const deliveryIds = await db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const recipient of recipients) {
      const previous = await tx.digest.findFirst({ where: { campaignId: campaign.id, decisionMakerId: recipient.id }, orderBy: { countedAt: "desc" }, select: { totalSignatures: true } });
      const now = new Date();
      const created = await tx.digest.create({
        data: {
          campaignId: campaign.id,
          decisionMakerId: recipient.id,
          kind: "IN_PERSON",
          periodKey,
          newSignatures: Math.max(0, snapshot.total - (previous?.totalSignatures ?? 0)),
          totalSignatures: snapshot.total,
          fingerprint: snapshot.fingerprint,
          paperSignatures: snapshot.paper.total,
          paperFingerprint: snapshot.paper.fingerprint,
          countedAt: snapshot.countedAt,
          locale: input.locale,
          // Nothing goes through the outbox: the key only has to be unique.
          outboxKey: `in-person:${randomUUID()}`,
          status: "DELIVERED",
          sentAt: now,
          deliveredAt: now,
        },
        select: { id: true },
      });
      ids.push(created.id);
    }
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "delivery.pack.generate",
      campaignId: campaign.id,
      affected: ids.length,
      details: { total: snapshot.total, fingerprint: snapshot.fingerprint, paper: snapshot.paper.total, paperFingerprint: snapshot.paper.fingerprint, locale: input.locale, names: input.includeNames },
    });
    return ids;
  });

  const locale: Locale = input.locale;
  const content: PackContent = {
    locale,
    campaign: { id: campaign.id, slug: campaign.slug, title: readTranslations(campaign.title), primaryLocale: campaign.primaryLocale },
    organisations: campaign.owners.map((owner) => publicOrganisation(owner.organisation).name),
    recipients: recipients.map((person) => ({ name: person.name, title: person.title, institution: person.institution })),
    all: input.decisionMaker === "all",
    demands: campaign.demands.map((demand) => ({
      text: readTranslations(demand.text),
      sourceQuote: demand.sourceQuote,
      statement: demand.sourceStatement ? statementFacts(demand.sourceStatement) : null,
    })),
    snapshot,
    countries: mergeCountries(online, paper),
    includeNames: input.includeNames,
  };
  const stamp = snapshot.countedAt.toISOString().slice(0, 10);
  return { fileName: `${campaign.slug}-delivery-${locale}-${stamp}.pdf`, campaignSlug: campaign.slug, stream: renderDeliveryPack(content, options.signal), deliveryIds };
}

// Online and paper signatures side by side, per country, the most signed first.
function mergeCountries(online: { country: string; count: number }[], paper: { country: string; count: number }[]): PackContent["countries"] {
  const rows = new Map<string, { country: string; online: number; paper: number }>();
  for (const row of online) rows.set(row.country, { country: row.country, online: row.count, paper: 0 });
  for (const row of paper) rows.set(row.country, { country: row.country, online: rows.get(row.country)?.online ?? 0, paper: row.count });
  return [...rows.values()].sort((a, b) => b.online + b.paper - (a.online + a.paper) || a.country.localeCompare(b.country));
}
