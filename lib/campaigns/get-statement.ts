import { db } from "../db";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { isPublic } from "./lifecycle";
import { publicOrganisation, publicOrganisationSelect, type PublicOrganisation } from "../organisations/profile";
import { statementAuthorsSelect } from "../statements/authors";
import { statementFacts, type StatementFacts } from "../statements/statement-facts";

export type StatementPage = StatementFacts & {
  // Only ever a link an organiser entered: Nida never makes one up.
  url: string | null;
  // In Nida's words, per language.
  summary: Translations;
  // The statement as its authors published it, in `language`; null until someone enters it.
  fullText: string | null;
  campaigns: { slug: string; title: Translations; primaryLocale: Locale }[];
  // The organisation on Nida that published it, when there is one, as the public sees it.
  publisher: PublicOrganisation | null;
};

export async function getStatement(slug: string): Promise<StatementPage | null> {
  const statement = await db.sourceStatement.findUnique({
    where: { slug },
    include: {
      authors: statementAuthorsSelect,
      authorOrganisation: { select: publicOrganisationSelect },
      campaigns: { where: isPublic.where(), select: { slug: true, title: true, primaryLocale: true } },
    },
  });
  if (!statement) return null;
  return {
    ...statementFacts(statement),
    url: statement.url,
    summary: readTranslations(statement.summary),
    fullText: statement.fullText || null,
    campaigns: statement.campaigns.map((campaign) => ({ slug: campaign.slug, title: readTranslations(campaign.title), primaryLocale: campaign.primaryLocale })),
    publisher: statement.authorOrganisation ? publicOrganisation(statement.authorOrganisation) : null,
  };
}

// A statement's text as its paragraphs (blank lines between them), each kept with its own line breaks.
export function statementParagraphs(fullText: string): string[] {
  return fullText
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
