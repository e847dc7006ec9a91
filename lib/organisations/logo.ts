import { createHash } from "node:crypto";
import sharp from "sharp";
import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";

// The largest logo file taken, and the most an upload's whole body may be (the file, its
// multipart framing and the form's few fields): the route reads no more than that.
export const logoFileMaxBytes = 1_000_000;
export const logoUploadMaxBytes = 1024 * 1024;
// A small file can still claim an enormous canvas; libvips refuses to decode beyond this.
const maxInputPixels = 25_000_000;
const sizes = { large: 256, small: 64 } as const;

type ImageType = "png" | "jpeg" | "webp";

// What a file is, from its first bytes, whatever name or content type the browser gave it. SVG
// (a document that can carry scripts and links) and everything else is none of these.
/** @internal exported for its tests */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// One square of the logo: the picture kept whole on a transparent ground, as WebP, with nothing
// of the original file's metadata (camera, place) carried over.
function square(file: Uint8Array, size: number): Promise<Buffer> {
  return sharp(file, { limitInputPixels: maxInputPixels, failOn: "error" })
    .rotate()
    .resize(size, size, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .webp({ quality: 88, effort: 4 })
    .toBuffer();
}

function refuse(key: "logoRequired" | "logoTooLarge" | "logoType" | "logoUnreadable"): never {
  throw new AppError("VALIDATION", { fields: { logo: key } });
}

// Owners only: a new logo replaces the old one. The file is checked by its bytes, decoded and
// drawn again at two sizes; nothing of it is kept as uploaded.
export async function setOrganisationLogo(options: { actor: Actor; organisationId: string; file: Uint8Array | null }): Promise<{ large: string; small: string }> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const { file } = options;
  if (!file || file.byteLength === 0) refuse("logoRequired");
  if (file.byteLength > logoFileMaxBytes) refuse("logoTooLarge");
  const type = sniffImageType(file);
  if (!type) refuse("logoType");
  let large: Buffer;
  let small: Buffer;
  try {
    // The decoder must agree with the first bytes: a file that only starts like an image is not one.
    const metadata = await sharp(file, { limitInputPixels: maxInputPixels }).metadata();
    if (metadata.format !== type) refuse("logoType");
    [large, small] = await Promise.all([square(file, sizes.large), square(file, sizes.small)]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    refuse("logoUnreadable");
  }
  const logo = { largeSha256: sha256(large), large: new Uint8Array(large), smallSha256: sha256(small), small: new Uint8Array(small) };
  await db.$transaction(async (tx) => {
    await tx.organisationLogo.upsert({ where: { organisationId: options.organisationId }, create: { organisationId: options.organisationId, ...logo }, update: { ...logo, createdAt: new Date() } });
    await recordAudit(tx, { organisationId: options.organisationId, actor: options.actor, action: "organisation.logo", affected: 1, details: { sha256: logo.largeSha256, type } });
  });
  return { large: logo.largeSha256, small: logo.smallSha256 };
}

// Owners only: the organisation is shown without a logo again.
export async function removeOrganisationLogo(options: { actor: Actor; organisationId: string }): Promise<void> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  await db.$transaction(async (tx) => {
    const removed = await tx.organisationLogo.deleteMany({ where: { organisationId: options.organisationId } });
    if (removed.count > 0) await recordAudit(tx, { organisationId: options.organisationId, actor: options.actor, action: "organisation.logoRemove", affected: 1 });
  });
}

// The image an address names, at whichever of the two sizes has that hash; null when none does.
export async function findLogoImage(sha256: string): Promise<Uint8Array | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const row = await db.organisationLogo.findFirst({
    where: { OR: [{ largeSha256: sha256 }, { smallSha256: sha256 }] },
    select: { largeSha256: true, large: true, small: true },
  });
  if (!row) return null;
  return row.largeSha256 === sha256 ? row.large : row.small;
}
