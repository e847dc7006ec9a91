import { roleAtLeast, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";

// Who answers for a statement on Nida: the organisation it is by, and every organisation whose
// campaigns are built on it (as the campaign's source or a demand's). A statement by a person, or
// by an organisation not on Nida, is thereby looked after by the campaigns that quote it; a joint
// statement by every co-author that runs a campaign on it.
export function statementsAnsweredForBy(organisationIds: string[]): Prisma.SourceStatementWhereInput {
  const owned = { owners: { some: { organisationId: { in: organisationIds } } } };
  return {
    OR: [{ authorOrganisationId: { in: organisationIds } }, { campaigns: { some: owned } }, { demands: { some: { campaign: owned } } }],
  };
}

// The organisations among the actor's that answer for the statement, with the actor's role in each.
async function answeringMemberships(actor: Actor, statementId: string) {
  const ids = actor.memberships.map((m) => m.organisationId);
  if (ids.length === 0) return [];
  const [statement, campaignOwners, demandOwners] = await Promise.all([
    db.sourceStatement.findUnique({ where: { id: statementId }, select: { authorOrganisationId: true } }),
    db.campaignOwner.findMany({ where: { organisationId: { in: ids }, campaign: { sourceStatementId: statementId } }, select: { organisationId: true } }),
    db.campaignOwner.findMany({ where: { organisationId: { in: ids }, campaign: { demands: { some: { sourceStatementId: statementId } } } }, select: { organisationId: true } }),
  ]);
  if (!statement) return [];
  const answering = new Set([statement.authorOrganisationId, ...campaignOwners.map((o) => o.organisationId), ...demandOwners.map((o) => o.organisationId)]);
  // The statement's own organisation first, so a change is logged there when the actor acts for it.
  return actor.memberships
    .filter((m) => answering.has(m.organisationId))
    .sort((a, b) => Number(b.organisationId === statement.authorOrganisationId) - Number(a.organisationId === statement.authorOrganisationId));
}

// A statement the actor may change, through an organisation that answers for it where they are at
// least an organiser: that organisation's audit log records the change. A statement they have no
// part in is NOT_FOUND (its editor's existence says nothing); a viewer's is FORBIDDEN.
export async function requireStatementEditor(actor: Actor, statementId: string): Promise<{ statementId: string; organisationId: string }> {
  const memberships = await answeringMemberships(actor, statementId);
  if (memberships.length === 0) throw new AppError("NOT_FOUND");
  const editor = memberships.find((m) => roleAtLeast(m.role, "ORGANISER"));
  if (!editor) throw new AppError("FORBIDDEN");
  return { statementId, organisationId: editor.organisationId };
}

// The organisations in which the actor may change statements.
export function editingOrganisationIds(actor: Actor): string[] {
  return actor.memberships.filter((m) => roleAtLeast(m.role, "ORGANISER")).map((m) => m.organisationId);
}
