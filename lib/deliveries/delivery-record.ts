import { db } from "../db";

export type DeliveryRecordEntry = {
  decisionMakerId: string;
  title: { en: string | null; ar: string | null };
  institution: { en: string; ar: string | null };
  digests: number;
  firstAt: Date;
  lastAt: Date;
  responses: { respondedOn: Date; summary: string; summaryAr: string | null; url: string | null }[];
};

// The public record of a campaign: to whom its digests went and when, and the responses the
// organisers published. Institution and title only: never a person's e-mail address.
export async function getDeliveryRecord(campaignId: string): Promise<DeliveryRecordEntry[]> {
  const [digests, responses] = await Promise.all([
    db.digest.groupBy({
      by: ["decisionMakerId"],
      where: { campaignId, sentAt: { not: null }, status: { in: ["SENT", "DELIVERED", "COMPLAINED"] } },
      _count: { _all: true },
      _min: { sentAt: true },
      _max: { sentAt: true },
    }),
    db.decisionMakerResponse.findMany({
      where: { campaignId, published: true },
      orderBy: { respondedOn: "desc" },
      select: { decisionMakerId: true, respondedOn: true, summary: true, summaryAr: true, url: true },
    }),
  ]);
  if (digests.length === 0) return [];
  const people = await db.decisionMaker.findMany({
    where: { id: { in: digests.map((row) => row.decisionMakerId) } },
    select: { id: true, title: true, titleAr: true, institution: true, institutionAr: true },
  });
  return digests
    .map((row) => {
      const person = people.find((p) => p.id === row.decisionMakerId)!;
      return {
        decisionMakerId: row.decisionMakerId,
        title: { en: person.title, ar: person.titleAr },
        institution: { en: person.institution, ar: person.institutionAr },
        digests: row._count._all,
        firstAt: row._min.sentAt!,
        lastAt: row._max.sentAt!,
        responses: responses.filter((r) => r.decisionMakerId === row.decisionMakerId).map((r) => ({ respondedOn: r.respondedOn, summary: r.summary, summaryAr: r.summaryAr, url: r.url })),
      };
    })
    .sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime() || a.institution.en.localeCompare(b.institution.en));
}
