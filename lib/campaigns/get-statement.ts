import { db } from "../db";
import type { Locale } from "../generated/prisma/enums";

export type StatementPage = {
  slug: string;
  title: { en: string; ar: string | null };
  authorName: string;
  authorOrganisation: { name: string; nameAr: string | null } | null;
  publishedOn: Date;
  datePrecision: string;
  language: Locale;
  url: string | null;
  summary: { en: string; ar: string | null };
  campaigns: { slug: string; title: { en: string; ar: string | null } }[];
};

export async function getStatement(slug: string): Promise<StatementPage | null> {
  const statement = await db.sourceStatement.findUnique({
    where: { slug },
    include: {
      authorOrganisation: { select: { name: true, nameAr: true } },
      campaigns: { where: { status: { not: "DRAFT" } }, select: { slug: true, titleEn: true, titleAr: true } },
    },
  });
  if (!statement) return null;
  return {
    slug: statement.slug,
    title: { en: statement.title, ar: statement.titleAr },
    authorName: statement.authorName,
    authorOrganisation: statement.authorOrganisation,
    publishedOn: statement.publishedOn,
    datePrecision: statement.datePrecision,
    language: statement.language,
    url: statement.url,
    summary: { en: statement.summaryEn, ar: statement.summaryAr },
    campaigns: statement.campaigns.map((campaign) => ({ slug: campaign.slug, title: { en: campaign.titleEn, ar: campaign.titleAr } })),
  };
}
