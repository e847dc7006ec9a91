import { db } from "../../db";
import { decisionMakerProfileSelect, type DecisionMakerProfile } from "../../decision-makers/profile";
import { statementAuthors, statementAuthorsSelect, type AuthorName } from "../../statements/authors";

export type DecisionMakerChoice = DecisionMakerProfile & { shared: boolean };
type StatementChoice = { id: string; slug: string; title: { en: string; ar: string | null }; authors: AuthorName[]; publishedOn: Date };
export type EditorChoices = { decisionMakers: DecisionMakerChoice[]; statements: StatementChoice[] };

// What the editor offers to pick from: every source statement, and the decision-makers of the shared
// directory and of this organisation (plus any a campaign already addresses, retired or another
// co-owner's, so saving does not drop them). Callers check the actor may edit for the organisation.
export async function listEditorChoices(options: { organisationId: string; includeDecisionMakerIds?: string[] }): Promise<EditorChoices> {
  const [decisionMakers, statements] = await Promise.all([
    db.decisionMaker.findMany({
      where: {
        OR: [
          { retiredAt: null, OR: [{ organisationId: null }, { organisationId: options.organisationId }] },
          { id: { in: options.includeDecisionMakerIds ?? [] } },
        ],
      },
      orderBy: [{ institution: "asc" }, { name: "asc" }],
      select: { ...decisionMakerProfileSelect, organisationId: true },
    }),
    db.sourceStatement.findMany({
      orderBy: { publishedOn: "desc" },
      select: { id: true, slug: true, title: true, titleAr: true, authorName: true, authors: statementAuthorsSelect, publishedOn: true },
    }),
  ]);
  return {
    decisionMakers: decisionMakers.map(({ organisationId, ...person }) => ({ ...person, shared: organisationId === null })),
    statements: statements.map((statement) => ({
      id: statement.id,
      slug: statement.slug,
      title: { en: statement.title, ar: statement.titleAr },
      authors: statementAuthors(statement),
      publishedOn: statement.publishedOn,
    })),
  };
}
