import { recordKeyRequest } from "../abuse/key-rate-limit";
import { db } from "../db";
import { AppError } from "../errors";
import type { ApiKeyScope } from "../generated/prisma/enums";
import { apiKeyPrefix, hashApiKey } from "./key-hash";

export type ApiCaller = { keyId: string; organisationId: string; scope: ApiKeyScope };

const bearer = /^Bearer\s+(\S{1,200})$/i;

// The key in `Authorization: Bearer nida_…`: unknown or revoked is 401, a read key on a write
// route 403, over its rate 429 (with the seconds to wait). A write key may also read.
export async function authenticateApiKey(options: { authorization: string | null; scope: ApiKeyScope }): Promise<ApiCaller> {
  const key = bearer.exec(options.authorization?.trim() ?? "")?.[1];
  if (!key || !key.startsWith(apiKeyPrefix)) throw new AppError("UNAUTHENTICATED");
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.findUnique({ where: { keyHash: hashApiKey(key) }, select: { id: true, organisationId: true, scope: true, revokedAt: true, ratePerMinute: true } });
    if (!row || row.revokedAt) throw new AppError("UNAUTHENTICATED");
    if (options.scope === "WRITE" && row.scope !== "WRITE") throw new AppError("FORBIDDEN");
    const verdict = await recordKeyRequest(tx, { keyId: row.id, perMinute: row.ratePerMinute });
    if (!verdict.allowed) throw new AppError("RATE_LIMITED", { retryAfter: verdict.retryAfterSeconds });
    await tx.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    return { keyId: row.id, organisationId: row.organisationId, scope: row.scope };
  });
}
