import type { Actor } from "../../auth/authorize";
import { recordAudit, requireCampaignRole } from "../../auth/authorize";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { CampaignStatus } from "../../generated/prisma/enums";
import { checkReferences } from "./check-references";
import { lockCampaign } from "./lock-campaign";
import { parseCampaignInput, publishProblems, type CampaignInput } from "./schema";
import type { EditableCampaignFields } from "./form-values";
import { campaignColumns, demandRows } from "./campaign-columns";
import { forgetSigningCampaigns } from "../../signatures/signing-campaign";
import { readTranslations } from "../../i18n/translations";

export type UpdateCampaignOptions = { actor: Actor; campaignId: string; input: unknown };
export type UpdatedCampaign = { id: string; slug: string; status: CampaignStatus; changed: string[] };

const sameDay = (a: Date | null, b: Date | null) => a !== null && b !== null && a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);

// Everything the editor holds, replaced at once. The slug, the status, the signatures and the
// counters are not touched: editing a published campaign keeps its URL and its count.
export async function updateCampaign(options: UpdateCampaignOptions): Promise<UpdatedCampaign> {
  const { actor, campaignId } = options;
  const access = await requireCampaignRole(actor, campaignId, "ORGANISER");
  const input = parseCampaignInput(options.input);

  const updated = await db.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId);
    const current = await tx.campaign.findUnique({
      where: { id: campaignId },
      include: { demands: { orderBy: { position: "asc" } }, targets: { select: { decisionMakerId: true } } },
    });
    if (!current) throw new AppError("NOT_FOUND");
    const currentTargets = current.targets.map((target) => target.decisionMakerId);
    await checkReferences(tx, { organisationId: access.organisationId, input, currentDecisionMakerIds: currentTargets });

    // A public campaign must stay fit to be public.
    if (current.status !== "DRAFT") {
      const problems = publishProblems({ primaryLocale: input.primaryLocale, title: input.title, summary: input.summary, demandCount: input.demands.length });
      if (Object.keys(problems).length > 0) throw new AppError("VALIDATION", { detail: "a public campaign needs a summary and a demand", fields: problems });
    }

    // A date input holds a day; an unchanged day keeps the exact time stored (seeded or imported).
    const opensAt = sameDay(current.opensAt, input.opensAt) ? current.opensAt : input.opensAt;
    const closesAt = sameDay(current.closesAt, input.closesAt) ? current.closesAt : input.closesAt;
    const changed = changedFields(editableFields(current), currentTargets, { ...input, opensAt, closesAt });

    await tx.campaign.update({
      where: { id: campaignId },
      data: campaignColumns(input, { opensAt, closesAt }),
    });
    if (changed.includes("demands")) {
      await tx.demand.deleteMany({ where: { campaignId } });
      await tx.demand.createMany({
        data: demandRows(input).map((row) => ({ campaignId, ...row })),
      });
    }
    // Targets that stay keep their rows (and the date they were added).
    await tx.campaignTarget.deleteMany({ where: { campaignId, decisionMakerId: { notIn: input.decisionMakerIds } } });
    await tx.campaignTarget.createMany({
      data: input.decisionMakerIds.map((decisionMakerId) => ({ campaignId, decisionMakerId })),
      skipDuplicates: true,
    });

    await recordAudit(tx, { organisationId: access.organisationId, actor, action: "campaign.update", campaignId, affected: 1, details: { changed } });
    return { id: current.id, slug: current.slug, status: current.status, changed };
  });
  forgetSigningCampaigns();
  return updated;
}

type CurrentCampaign = Omit<EditableCampaignFields, "decisionMakerIds">;

type StoredCampaign = Omit<CurrentCampaign, "title" | "summary" | "body" | "demands"> & {
  title: unknown;
  summary: unknown;
  body: unknown;
  demands: (Omit<CurrentCampaign["demands"][number], "text"> & { text: unknown })[];
};

function editableFields(campaign: StoredCampaign): CurrentCampaign {
  return {
    ...campaign,
    title: readTranslations(campaign.title),
    summary: readTranslations(campaign.summary),
    body: readTranslations(campaign.body),
    demands: campaign.demands.map((demand) => ({ ...demand, text: readTranslations(demand.text) })),
  };
}

// Texts compare by their languages' contents, whatever order the JSON keeps them in.
function sortedKeys(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

// The names of the fields an edit changes, for the audit log.
function changedFields(current: CurrentCampaign, currentTargets: string[], next: CampaignInput): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields = ["primaryLocale", "title", "summary", "body", "sourceStatementId"] as const;
  const changed: string[] = fields.filter((field) => !same(sortedKeys(current[field]), sortedKeys(next[field])));
  if (current.goals.join(",") !== next.goals.join(",")) changed.push("goals");
  if (current.opensAt?.getTime() !== next.opensAt?.getTime()) changed.push("opensAt");
  if (current.closesAt?.getTime() !== next.closesAt?.getTime()) changed.push("closesAt");
  const demand = (d: CurrentCampaign["demands"][number]) => [d.kind, sortedKeys(d.text), d.sourceQuote, d.sourceStatementId];
  if (!same(current.demands.map(demand), next.demands.map(demand))) changed.push("demands");
  if ([...currentTargets].sort().join(",") !== [...next.decisionMakerIds].sort().join(",")) changed.push("decisionMakers");
  return changed;
}
