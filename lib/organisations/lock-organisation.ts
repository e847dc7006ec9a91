import type { Actor } from "../auth/authorize";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { readTranslations, type Translations } from "../i18n/translations";

// Member changes of one organisation run one at a time: the "at least one owner" rule is checked
// under this lock, so two owners demoting each other at once cannot leave the organisation
// ownerless. Under the lock the actor must still be an owner: one demoted a moment ago, by a
// request that got there first, acts no more.
export async function lockOrganisation(tx: Tx, organisationId: string, actor: Actor | null): Promise<{ id: string; name: Translations }> {
  // The name as text, parsed here: what a raw query makes of jsonb differs between drivers.
  const rows = await tx.$queryRaw<{ id: string; name: string }[]>`SELECT id, name::text AS name FROM organisations WHERE id = ${organisationId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND");
  const organisation = { id: row.id, name: readTranslations(JSON.parse(row.name)) };
  if (actor) {
    const current = await tx.membership.findUnique({ where: { userId_organisationId: { userId: actor.userId, organisationId } }, select: { role: true } });
    if (current?.role !== "OWNER") throw new AppError("FORBIDDEN");
  }
  return organisation;
}
