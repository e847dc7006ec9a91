import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { ApiKeyScope } from "../generated/prisma/enums";
import { newApiKey } from "./key-hash";
import { apiKeyFieldErrors, createApiKeySchema } from "./schema";

// An organisation's API keys are its owners' business: every function here requires the OWNER
// role. Someone who is not a member of the key's organisation is told it does not exist.

export type ApiKeyView = { id: string; name: string; prefix: string; scope: ApiKeyScope; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
export type CreatedApiKey = { id: string; name: string; scope: ApiKeyScope; key: string };

const viewSelect = { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function listApiKeys(options: { actor: Actor; organisationId: string }): Promise<ApiKeyView[]> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  return db.apiKey.findMany({ where: { organisationId: options.organisationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: viewSelect });
}

export async function createApiKey(options: { actor: Actor; organisationId: string; name: unknown; scope: unknown }): Promise<CreatedApiKey> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const parsed = createApiKeySchema.safeParse({ name: options.name, scope: options.scope });
  if (!parsed.success) throw new AppError("VALIDATION", { fields: apiKeyFieldErrors(parsed.error) });
  const scope: ApiKeyScope = parsed.data.scope === "write" ? "WRITE" : "READ";
  const { key, keyHash } = newApiKey();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { organisationId: options.organisationId, name: parsed.data.name, keyHash, prefix: key.slice(0, 12), scope },
      select: { id: true },
    });
    await recordAudit(tx, { organisationId: options.organisationId, actor: options.actor, action: "api-key.create", affected: 1, details: { key: row.id, name: parsed.data.name, scope: parsed.data.scope } });
    return row;
  });
  // The key leaves the system this once, to be copied by the owner; only its hash is kept.
  return { id: created.id, name: parsed.data.name, scope, key };
}

export async function revokeApiKey(options: { actor: Actor; keyId: unknown }): Promise<{ name: string; changed: boolean }> {
  if (typeof options.keyId !== "string" || options.keyId.length === 0 || options.keyId.length > 64) throw new AppError("NOT_FOUND");
  const key = await db.apiKey.findUnique({ where: { id: options.keyId }, select: { id: true, organisationId: true, name: true } });
  if (!key || !options.actor.memberships.some((m) => m.organisationId === key.organisationId)) throw new AppError("NOT_FOUND");
  requireOrganisationRole(options.actor, key.organisationId, "OWNER");
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count > 0) {
      await recordAudit(tx, { organisationId: key.organisationId, actor: options.actor, action: "api-key.revoke", affected: 1, details: { key: key.id, name: key.name } });
    }
    return { name: key.name, changed: revoked.count > 0 };
  });
}
