import { db, type Tx } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { openSignature, openSupporterEmail } from "../sealing/signer-data";
import { hashToken, looksLikeToken, newConfirmationToken } from "../signatures/tokens";

// A supporter who has just confirmed may write letters through Nida without an account: the
// link they are given carries a random token, of which only the SHA-256 is stored.
export async function issueLetterToken(tx: Tx, supporterId: string, now = new Date()): Promise<string> {
  const { token, tokenHash } = newConfirmationToken();
  await tx.supporterToken.create({
    data: { tokenHash, supporterId, purpose: "LETTER", expiresAt: new Date(now.getTime() + env.LETTER_TOKEN_TTL_HOURS * 3_600_000) },
  });
  return token;
}

// Carries a fresh token from the confirmation to the thank-you page, for that campaign's pages only.
export const letterTokenCookie = {
  name: "nida_letter",
  options: (path: string) => ({ httpOnly: true, sameSite: "lax" as const, secure: env.APP_URL.startsWith("https:"), path, maxAge: env.LETTER_TOKEN_TTL_HOURS * 3600 }),
};

export type LetterSender = {
  supporterId: string;
  email: string;
  signatureId: string;
  name: string;
  country: string;
  expiresAt: Date | null;
};

// The supporter a letter token speaks for, provided their signature on this campaign is
// confirmed. Anything else is refused: an unknown or expired token, or an unconfirmed signature.
export async function findLetterSender(options: { token: string; campaignId: string; now?: Date }): Promise<LetterSender> {
  if (!looksLikeToken(options.token)) throw new AppError("TOKEN_INVALID");
  const row = await db.supporterToken.findUnique({
    where: { tokenHash: hashToken(options.token) },
    select: { purpose: true, expiresAt: true, supporter: { select: { id: true, email: true, emailHash: true, erasedAt: true } } },
  });
  if (!row || row.purpose !== "LETTER" || row.supporter.erasedAt) throw new AppError("TOKEN_INVALID");
  if (row.expiresAt && row.expiresAt <= (options.now ?? new Date())) throw new AppError("TOKEN_EXPIRED");
  const signature = await db.signature.findUnique({
    where: { campaignId_supporterId: { campaignId: options.campaignId, supporterId: row.supporter.id } },
    select: { id: true, state: true, name: true, country: true },
  });
  if (!signature || signature.state !== "CONFIRMED") throw new AppError("FORBIDDEN", { detail: "signature not confirmed" });
  const [email, { name }] = await Promise.all([openSupporterEmail(row.supporter), openSignature(signature)]);
  return { supporterId: row.supporter.id, email, signatureId: signature.id, name, country: signature.country, expiresAt: row.expiresAt };
}

export type SenderStatus = { kind: "ready"; sender: LetterSender } | { kind: "none" | "invalid" | "notConfirmed" };

// What the letter page says about sending through Nida, given the token in its link (if any).
export async function letterSenderStatus(options: { token: string | undefined; campaignId: string }): Promise<SenderStatus> {
  if (!options.token) return { kind: "none" };
  try {
    return { kind: "ready", sender: await findLetterSender({ token: options.token, campaignId: options.campaignId }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return { kind: "notConfirmed" };
    if (error instanceof AppError && (error.code === "TOKEN_INVALID" || error.code === "TOKEN_EXPIRED")) return { kind: "invalid" };
    throw error;
  }
}
