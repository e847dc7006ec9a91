import { emailHash, nameWords } from "./lookup";
import type { PrismaClient, Tx } from "../db";
import { activeDataKey, campaignScope, loadDataKeys, open, openOptional, seal, sealOptional, supportersScope } from "./seal";

// Where the keys are read: the app's database, or the caller's transaction (on PGlite a
// transaction holds the only connection, so a read outside it would wait for it).
type KeyReader = PrismaClient | Tx;

// A signer's personal data as rows hold it: sealed on the way in, opened on the way out. What a
// destroyed key sealed opens as an empty value (a name) or null (the optional fields).

type SignatureFields = { name: string; postcode?: string | null; comment?: string | null };

// A new signature's fields, sealed under its campaign's key, with its name's words for search.
export async function sealSignatureFields(campaignId: string, signatureId: string, fields: SignatureFields) {
  const key = await activeDataKey(campaignScope(campaignId));
  return {
    name: seal(key, "signatures.name", signatureId, fields.name),
    postcode: sealOptional(key, "signatures.postcode", signatureId, fields.postcode),
    comment: sealOptional(key, "signatures.comment", signatureId, fields.comment),
    nameWords: nameWords(fields.name),
  };
}

type SealedSignature = { id: string; name?: string; postcode?: string | null; comment?: string | null };

// The same rows with their fields opened (only those the row has).
export async function openSignatures<Row extends SealedSignature>(rows: readonly Row[], client?: KeyReader): Promise<Row[]> {
  await loadDataKeys(rows.flatMap((row) => [row.name, row.postcode, row.comment]), client);
  return rows.map((row) => {
    const opened = { ...row };
    if (row.name !== undefined) opened.name = open(row.name, "signatures.name", row.id) ?? "";
    if (row.postcode !== undefined) opened.postcode = openOptional(row.postcode, "signatures.postcode", row.id);
    if (row.comment !== undefined) opened.comment = openOptional(row.comment, "signatures.comment", row.id);
    return opened;
  });
}

export async function openSignature<Row extends SealedSignature>(row: Row, client?: KeyReader): Promise<Row> {
  return (await openSignatures([row], client))[0]!;
}

// A supporter's address, sealed under the supporters' key and bound to its keyed hash (the row's
// identity, known before the row is: a signing that finds the supporter already there has sealed
// the same address for the same row).
export async function sealSupporterEmail(email: string): Promise<{ email: string; emailHash: string }> {
  const hash = emailHash(email);
  return { email: seal(await activeDataKey(supportersScope), "supporters.email", hash, email), emailHash: hash };
}

type SealedSupporter = { emailHash: string; email: string };

// The addresses of these supporters, opened ("" where the key is gone).
export async function openSupporterEmails<Row extends SealedSupporter>(rows: readonly Row[], client?: KeyReader): Promise<Row[]> {
  await loadDataKeys(rows.map((row) => row.email), client);
  return rows.map((row) => ({ ...row, email: open(row.email, "supporters.email", row.emailHash) ?? "" }));
}

export async function openSupporterEmail(row: SealedSupporter, client?: KeyReader): Promise<string> {
  return (await openSupporterEmails([row], client))[0]!.email;
}

type PaperFields = { name: string; postcode: string | null };

export async function sealPaperFields(campaignId: string, paperSignatureId: string, fields: PaperFields): Promise<PaperFields> {
  const key = await activeDataKey(campaignScope(campaignId));
  return { name: seal(key, "paper_signatures.name", paperSignatureId, fields.name), postcode: sealOptional(key, "paper_signatures.postcode", paperSignatureId, fields.postcode) };
}

/** @internal exported for tests: nothing shows a paper signer's name */
export async function openPaperSignatures<Row extends { id: string; name: string; postcode: string | null }>(rows: readonly Row[], client?: KeyReader): Promise<Row[]> {
  await loadDataKeys(rows.flatMap((row) => [row.name, row.postcode]), client);
  return rows.map((row) => ({ ...row, name: open(row.name, "paper_signatures.name", row.id) ?? "", postcode: openOptional(row.postcode, "paper_signatures.postcode", row.id) }));
}
