import { db } from "../../db";
import { decisionMakerProfile, decisionMakerProfileSelect, type DecisionMakerProfile } from "../../decision-makers/profile";
import { localized, type Locale } from "../../i18n/locales";
import { readTranslations, type Translations } from "../../i18n/translations";
import { statementAuthors, statementAuthorsSelect, type AuthorName } from "../../statements/authors";

export type DecisionMakerChoice = DecisionMakerProfile & { shared: boolean };
type StatementChoice = { id: string; slug: string; title: Translations; authors: AuthorName[]; publishedOn: Date };
export type EditorChoices = { decisionMakers: DecisionMakerChoice[]; statements: StatementChoice[] };

// What the editor offers to pick from: every source statement, and the decision-makers of the shared
// directory and of this organisation (plus any a campaign already addresses, retired or another
// co-owner's, so saving does not drop them). Callers check the actor may edit for the organisation.
// Decision-makers come by institution, then name, as `locale` (English unless given) sorts them.
export async function listEditorChoices(options: { organisationId: string; includeDecisionMakerIds?: string[]; locale?: Locale }): Promise<EditorChoices> {
  const [decisionMakers, statements] = await Promise.all([
    db.decisionMaker.findMany({
      where: {
        OR: [
          { retiredAt: null, OR: [{ organisationId: null }, { organisationId: options.organisationId }] },
          { id: { in: options.includeDecisionMakerIds ?? [] } },
        ],
      },
      select: { ...decisionMakerProfileSelect, organisationId: true },
    }),
    db.sourceStatement.findMany({
      orderBy: { publishedOn: "desc" },
      select: { id: true, slug: true, title: true, authorName: true, authors: statementAuthorsSelect, publishedOn: true },
    }),
  ]);
  return {
    decisionMakers: decisionMakers
      .map(({ organisationId, ...person }) => ({ ...decisionMakerProfile(person), shared: organisationId === null }))
      .sort(byInstitutionThenName(options.locale ?? "en")),
    statements: statements.map((statement) => ({
      id: statement.id,
      slug: statement.slug,
      title: readTranslations(statement.title),
      authors: statementAuthors(statement),
      publishedOn: statement.publishedOn,
    })),
  };
}

// Prisma cannot order by a JSON field: decision-makers are sorted here, in the reader's language.
export function byInstitutionThenName(locale: Locale): (a: DecisionMakerProfile, b: DecisionMakerProfile) => number {
  const collator = new Intl.Collator(locale);
  const text = (values: Translations) => localized(locale, values).text;
  return (a, b) => collator.compare(text(a.institution), text(b.institution)) || collator.compare(text(a.name), text(b.name));
}
