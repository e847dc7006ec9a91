import type { Tx } from "../db";
import { db } from "../db";
import { AppError } from "../errors";
import type { SupporterTokenPurpose } from "../generated/prisma/enums";
import { hashToken, looksLikeToken } from "../signatures/tokens";

// The supporter a link acts for. Unknown, expired or spent links are all TOKEN_INVALID: the page
// says the same for each, and an erased supporter's links no longer exist at all.
export async function supporterForToken(
  client: Tx | typeof db,
  options: { token: string; purpose: SupporterTokenPurpose },
): Promise<{ supporterId: string; tokenHash: string }> {
  if (!looksLikeToken(options.token)) throw new AppError("TOKEN_INVALID");
  const tokenHash = hashToken(options.token);
  const row = await client.supporterToken.findUnique({ where: { tokenHash }, select: { supporterId: true, purpose: true, expiresAt: true } });
  if (!row || row.purpose !== options.purpose) throw new AppError("TOKEN_INVALID");
  if (row.expiresAt && row.expiresAt <= new Date()) throw new AppError("TOKEN_EXPIRED");
  return { supporterId: row.supporterId, tokenHash };
}
