import { db } from "../db";
import { decisionMakerProfile, decisionMakerProfileSelect } from "../decision-makers/profile";
import { readTranslations, type Translations } from "../i18n/translations";
import type { DeliveryStatus } from "../generated/prisma/enums";

// What lets the public record say a digest was sent: the mail provider accepted it. A digest
// still queued, one that failed, and one only kept in the development mailbox never left.
// DELIVERED, BOUNCED and COMPLAINED all come after the provider accepted it.
export const sentStatuses = ["SENT", "DELIVERED", "BOUNCED", "COMPLAINED"] as const satisfies readonly DeliveryStatus[];

type SentDigests = {
  count: number;
  firstAt: Date;
  lastAt: Date;
  // The count the latest digest carried.
  lastTotal: number;
  // How many the provider reported delivered, and how many came back undelivered.
  delivered: number;
  bounced: number;
};

export type AddresseeEntry = {
  decisionMakerId: string;
  // Each in the languages the directory gives it in.
  name: Translations;
  title: Translations;
  institution: Translations;
  // False for someone digests went to (or who answered) before the organisers stopped
  // addressing them, or before they left the directory.
  addressed: boolean;
  sent: SentDigests | null;
  // The latest delivery pack handed over in person: when, and the count and fingerprint it stated.
  handedOver: { at: Date; total: number; fingerprint: string; paper: { total: number; fingerprint: string } | null } | null;
  responses: { respondedOn: Date; summary: Translations; url: string | null }[];
};

// The public record of a campaign, one entry per decision-maker: those it is addressed to, and
// anyone it was sent to or who answered; beside each, the digests the provider accepted and the
// responses the organisers published. Name, title and institution only: never an e-mail address.
export async function getAddresseeRecord(campaignId: string): Promise<AddresseeEntry[]> {
  const sent = { campaignId, kind: { not: "IN_PERSON" as const }, status: { in: [...sentStatuses] }, sentAt: { not: null } };
  // Aggregates per decision-maker, and each one's latest digest: a page rendered every few
  // seconds reads a handful of rows, however many digests a long campaign has sent.
  const [targets, totals, delivered, bounced, latest, responses, handed] = await Promise.all([
    db.campaignTarget.findMany({
      where: { campaignId, decisionMaker: { retiredAt: null } },
      orderBy: [{ createdAt: "asc" }, { decisionMakerId: "asc" }],
      select: { decisionMakerId: true },
    }),
    db.digest.groupBy({ by: ["decisionMakerId"], where: sent, _count: { _all: true }, _min: { sentAt: true }, _max: { sentAt: true } }),
    db.digest.groupBy({ by: ["decisionMakerId"], where: { ...sent, deliveredAt: { not: null } }, _count: { _all: true } }),
    db.digest.groupBy({ by: ["decisionMakerId"], where: { ...sent, status: "BOUNCED" }, _count: { _all: true } }),
    db.digest.findMany({
      where: sent,
      distinct: ["decisionMakerId"],
      orderBy: [{ decisionMakerId: "asc" }, { sentAt: "desc" }, { id: "desc" }],
      select: { decisionMakerId: true, totalSignatures: true },
    }),
    db.decisionMakerResponse.findMany({
      where: { campaignId, published: true },
      orderBy: [{ respondedOn: "desc" }, { id: "asc" }],
      select: { decisionMakerId: true, respondedOn: true, summary: true, url: true },
    }),
    db.digest.findMany({
      where: { campaignId, kind: "IN_PERSON" },
      distinct: ["decisionMakerId"],
      orderBy: [{ decisionMakerId: "asc" }, { countedAt: "desc" }, { id: "desc" }],
      select: { decisionMakerId: true, countedAt: true, totalSignatures: true, fingerprint: true, paperSignatures: true, paperFingerprint: true },
    }),
  ]);
  const addressed = new Set(targets.map((target) => target.decisionMakerId));
  // Those addressed first, in the order they were added; then anyone else the record concerns,
  // most recently sent to first.
  const others = [...totals].sort((a, b) => b._max.sentAt!.getTime() - a._max.sentAt!.getTime()).map((row) => row.decisionMakerId);
  const ids = [...new Set([...targets.map((target) => target.decisionMakerId), ...others, ...handed.map((h) => h.decisionMakerId), ...responses.map((r) => r.decisionMakerId)])];
  if (ids.length === 0) return [];
  const people = await db.decisionMaker.findMany({
    where: { id: { in: ids } },
    select: decisionMakerProfileSelect,
  });
  const byId = new Map(people.map((person) => [person.id, decisionMakerProfile(person)]));
  const countOf = (rows: { decisionMakerId: string; _count: { _all: number } }[], id: string) => rows.find((row) => row.decisionMakerId === id)?._count._all ?? 0;
  return ids.map((id) => {
    const person = byId.get(id)!;
    const total = totals.find((row) => row.decisionMakerId === id);
    const pack = handed.find((row) => row.decisionMakerId === id);
    return {
      decisionMakerId: id,
      name: person.name,
      title: person.title,
      institution: person.institution,
      addressed: addressed.has(id),
      sent: total
        ? {
            count: total._count._all,
            firstAt: total._min.sentAt!,
            lastAt: total._max.sentAt!,
            lastTotal: latest.find((row) => row.decisionMakerId === id)!.totalSignatures,
            delivered: countOf(delivered, id),
            bounced: countOf(bounced, id),
          }
        : null,
      handedOver: pack
        ? {
            at: pack.countedAt,
            total: pack.totalSignatures,
            fingerprint: pack.fingerprint,
            paper: pack.paperFingerprint && pack.paperSignatures ? { total: pack.paperSignatures, fingerprint: pack.paperFingerprint } : null,
          }
        : null,
      responses: responses
        .filter((response) => response.decisionMakerId === id)
        .map((response) => ({ respondedOn: response.respondedOn, summary: readTranslations(response.summary), url: response.url })),
    };
  });
}
