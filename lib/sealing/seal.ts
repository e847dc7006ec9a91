import { randomBytes } from "node:crypto";
import sodium from "sodium-native";
import { database, db, type PrismaClient, type Tx } from "../db";
import { keyEncryptionKey, keyEncryptionKeyById, type KeyEncryptionKey } from "./key-encryption-key";

// Signers' personal data at rest: each value sealed with XChaCha20-Poly1305 (libsodium) under a
// data key, with the table, column and row it belongs to as associated data, so that a sealed
// value moved to another row or column no longer opens. A sealed value reads
// "s1.<data key id>.<nonce, ciphertext, tag>" (base64url). Its nonce is random: at 24 bytes, two
// values never share one, however many a key seals.

// What a sealed value belongs to; the row is its table's id.
export type SealedField =
  | "signatures.name"
  | "signatures.postcode"
  | "signatures.comment"
  | "supporters.email"
  | "paper_signatures.name"
  | "paper_signatures.postcode"
  | "outbox_messages.to_address"
  | "outbox_messages.reply_to"
  | "outbox_messages.cc"
  | "outbox_messages.payload"
  | "letters.subject"
  | "webhook_deliveries.personal_data"
  | "dev_mails.to_address"
  | "dev_mails.subject"
  | "dev_mails.html"
  | "dev_mails.text"
  | "dev_mails.headers";

export type DataKey = { id: string; key: Buffer };

const prefix = "s1.";
const nonceBytes = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
const tagBytes = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES;

// The scopes of data keys: one per campaign, one for supporters' addresses (a supporter signs
// many campaigns).
export const campaignScope = (campaignId: string) => `campaign:${campaignId}`;
export const supportersScope = "supporters";
// Mail and deliveries on their way (the outbox, the development mailbox, webhook deliveries):
// sealed until sent, then cleared.
export const mailScope = "mail";

function encrypt(key: Buffer, associated: string, plain: Buffer): Buffer {
  const sealed = Buffer.allocUnsafe(nonceBytes + plain.length + tagBytes);
  const nonce = sealed.subarray(0, nonceBytes);
  sodium.randombytes_buf(nonce);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.subarray(nonceBytes), plain, Buffer.from(associated), null, nonce, key);
  return sealed;
}

// Opens `sealed` (nonce, ciphertext, tag) into the start of `plain`, and returns how many bytes it
// wrote. Throws on a value altered, cut, or moved to another row or column.
function decryptInto(key: Buffer, associated: Buffer, sealed: Buffer, plain: Buffer): number {
  if (sealed.length < nonceBytes + tagBytes) throw new Error("sealed value too short");
  const length = sealed.length - nonceBytes - tagBytes;
  sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(plain.subarray(0, length), null, sealed.subarray(nonceBytes), associated, sealed.subarray(0, nonceBytes), key);
  return length;
}

function decrypt(key: Buffer, associated: string, sealed: Buffer): Buffer {
  const plain = Buffer.allocUnsafe(Math.max(0, sealed.length - nonceBytes - tagBytes));
  decryptInto(key, Buffer.from(associated), sealed, plain);
  return plain;
}

// Where text values are opened, one after another (a million in an export): the sealed bytes, the
// associated data and the opened bytes are written into buffers kept for the purpose rather than
// into new ones per value. Opening is synchronous, so no two values share them at once.
let openScratch = Buffer.allocUnsafe(8192);
const associatedScratch = Buffer.allocUnsafe(1024);

function decryptText(key: Buffer, associated: string, encoded: string): string {
  const room = Math.ceil((encoded.length * 3) / 4);
  if (openScratch.length < room * 2) openScratch = Buffer.allocUnsafe(room * 2);
  const sealed = openScratch.subarray(0, openScratch.write(encoded, 0, room, "base64url"));
  const associatedBytes = Buffer.byteLength(associated) <= associatedScratch.length ? associatedScratch.subarray(0, associatedScratch.write(associated)) : Buffer.from(associated);
  const length = decryptInto(key, associatedBytes, sealed, openScratch.subarray(room));
  return openScratch.toString("utf8", room, room + length);
}

export function isSealed(value: string): boolean {
  return value.startsWith(prefix);
}

export function seal(key: DataKey, field: SealedField, rowId: string, value: string): string {
  return `${prefix}${key.id}.${encrypt(key.key, `${field}|${rowId}`, Buffer.from(value)).toString("base64url")}`;
}

export function sealOptional(key: DataKey, field: SealedField, rowId: string, value: string | null | undefined): string | null {
  return value == null ? null : seal(key, field, rowId, value);
}

function keyIdOf(sealed: string): string {
  const end = sealed.indexOf(".", prefix.length);
  if (!isSealed(sealed) || end < 0) throw new Error("not a sealed value");
  return sealed.slice(prefix.length, end);
}

// ---------------------------------------------------------------- data keys

// Unwrapped keys of this process, by id (null: destroyed), and each scope's key in use.
const keysById = new Map<string, Buffer | null>();
// Per database: a process may hold two (a move from PGlite to PostgreSQL, a benchmark). Read again
// after a minute, so that a new generation (npm run keys:reseal) reaches every server.
const activeKeysOf = new WeakMap<object, Map<string, { key: Promise<DataKey>; at: number }>>();
const activeKeyMs = 60_000;

// The client that reads and writes data keys: the app's database unless told otherwise.
type KeyClient = Pick<PrismaClient, "dataKey">;

const wrapAssociated = (id: string, scope: string) => `data-key|${id}|${scope}`;

// Exported for key rotation.
export function wrapKey(kek: KeyEncryptionKey, id: string, scope: string, key: Buffer): string {
  return encrypt(kek.key, wrapAssociated(id, scope), key).toString("base64url");
}

type StoredKey = { id: string; scope: string; wrapped: string | null; kekId: string };

// Exported for key rotation.
export function unwrapKey(kek: KeyEncryptionKey, stored: StoredKey & { wrapped: string }): Buffer {
  return decrypt(kek.key, wrapAssociated(stored.id, stored.scope), Buffer.from(stored.wrapped, "base64url"));
}

function unwrap(stored: StoredKey): Buffer | null {
  if (stored.wrapped === null) return null;
  const kek = keyEncryptionKeyById(stored.kekId);
  if (!kek) throw new Error(`data key ${stored.id} is wrapped under key-encryption key ${stored.kekId}, which this server does not have (it has ${keyEncryptionKey().id}; set DATA_KEY_PREVIOUS while rotating)`);
  return unwrapKey(kek, { ...stored, wrapped: stored.wrapped });
}

// A new data key of `scope`, and its row as stored: wrapped under the key-encryption key.
// Exported for re-sealing.
export function newDataKey(scope: string, generation: number) {
  const id = randomBytes(12).toString("base64url");
  const key = randomBytes(32);
  const kek = keyEncryptionKey();
  return { row: { id, scope, generation, wrapped: wrapKey(kek, id, scope, key), kekId: kek.id }, key };
}

async function findOrCreateActiveKey(scope: string, client: KeyClient): Promise<DataKey> {
  for (;;) {
    const newest = await client.dataKey.findFirst({ where: { scope }, orderBy: { generation: "desc" } });
    if (newest?.wrapped) {
      const key = unwrap(newest)!;
      keysById.set(newest.id, key);
      return { id: newest.id, key };
    }
    const { row, key } = newDataKey(scope, (newest?.generation ?? 0) + 1);
    // Two servers creating a scope's first key at once: one insert wins, the other reads it.
    const created = await client.dataKey.createMany({ data: [row], skipDuplicates: true });
    if (created.count === 1) {
      keysById.set(row.id, key);
      return { id: row.id, key };
    }
  }
}

// The key that seals new values of `scope`, made on first use.
// Keys are cached per database: the app's client and its transactions (which have no
// $transaction of their own) share the open database's; another client has its own.
const cacheOwner = (client: KeyClient): object => (client === db || !("$transaction" in client) ? database() : client);

export function activeDataKey(scope: string, client: KeyClient = db): Promise<DataKey> {
  const owner = cacheOwner(client);
  let activeKeys = activeKeysOf.get(owner);
  if (!activeKeys) activeKeysOf.set(owner, (activeKeys = new Map()));
  const known = activeKeys.get(scope);
  if (known && Date.now() - known.at < activeKeyMs) return known.key;
  const active = { key: findOrCreateActiveKey(scope, client), at: Date.now() };
  activeKeys.set(scope, active);
  active.key.catch(() => activeKeys.get(scope) === active && activeKeys.delete(scope));
  return active.key;
}

// This process takes up new generations at once (other servers within a minute).
export function forgetActiveKeys(client: KeyClient = db): void {
  activeKeysOf.delete(cacheOwner(client));
}

// Makes the keys of these sealed values ready for open().
export async function loadDataKeys(sealedValues: Iterable<string | null | undefined>, client: KeyClient = db): Promise<void> {
  const missing = new Set<string>();
  for (const value of sealedValues) if (value && isSealed(value) && !keysById.has(keyIdOf(value))) missing.add(keyIdOf(value));
  if (missing.size === 0) return;
  const stored = await client.dataKey.findMany({ where: { id: { in: [...missing] } } });
  for (const key of stored) keysById.set(key.id, unwrap(key));
}

// The value sealed in `sealed`, or null when its key has been destroyed. Its key must be loaded.
// An emptied value (an anonymised name) stays empty.
export function open(sealed: string, field: SealedField, rowId: string): string | null {
  if (sealed === "") return "";
  const id = keyIdOf(sealed);
  const key = keysById.get(id);
  if (key === undefined) throw new Error(`data key ${id} is not loaded`);
  if (key === null) return null;
  return decryptText(key, `${field}|${rowId}`, sealed.slice(prefix.length + id.length + 1));
}

export function openOptional(sealed: string | null, field: SealedField, rowId: string): string | null {
  return sealed === null || sealed === "" ? null : open(sealed, field, rowId);
}

// One value sealed under the active key of `scope`, or opened (its key loaded as needed): for
// the places that seal a value or two at a time.
export async function sealText(scope: string, field: SealedField, rowId: string, value: string, client?: KeyClient): Promise<string> {
  return seal(await activeDataKey(scope, client), field, rowId, value);
}

export async function openText(sealed: string, field: SealedField, rowId: string, client?: KeyClient): Promise<string | null> {
  await loadDataKeys([sealed], client);
  return open(sealed, field, rowId);
}

// Destroys the data keys of `scope`: what they sealed, here and in every copy of the database,
// can no longer be read once no key-encryption key that wrapped them remains.
export async function destroyDataKeys(tx: Tx, scope: string): Promise<void> {
  const destroyed = await tx.dataKey.findMany({ where: { scope, wrapped: { not: null } }, select: { id: true } });
  await tx.dataKey.updateMany({ where: { scope, wrapped: { not: null } }, data: { wrapped: null, destroyedAt: new Date() } });
  // Forgotten here rather than marked destroyed: if the transaction rolls back, they load again.
  for (const { id } of destroyed) keysById.delete(id);
  activeKeysOf.get(cacheOwner(db))?.delete(scope);
}
