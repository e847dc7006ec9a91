import { randomUUID } from "node:crypto";
import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { sealPaperFields } from "../sealing/signer-data";
import { checkPaperRows, requireImportableCampaign } from "./check-paper-rows";
import { checkPaperRow, paperControlCharacters, type PaperColumn, type PaperRow } from "./paper-csv";

export type PaperEntryFields = { name: string; country: string; postcode: string; email: string; consented: boolean };

export type PaperEntryError =
  | "nameRequired"
  | "nameTooLong"
  | "countryRequired"
  | "countryUnknown"
  | "postcodeTooLong"
  | "emailInvalid"
  | "controlCharacters"
  | "duplicateOnline"
  | "duplicatePaperEmail"
  | "duplicatePaperIdentity";

type FieldErrors = Partial<Record<PaperColumn, PaperEntryError>>;

const refuse = (fields: FieldErrors) => new AppError("VALIDATION", { fields });

// The UTC day a hand-typed signature is filed under: one batch per organiser and day, so a
// morning's typing can be removed at once, like a sheet.
function handEntryDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

// The same rules as a sheet's row (checkPaperRow), each field checked beside valid others so
// that every field's error is named at once.
function checkFields(fields: PaperEntryFields): PaperRow {
  const cells: Record<PaperColumn, string> = { name: fields.name, country: fields.country, postcode: fields.postcode, email: fields.email };
  const valid: Record<PaperColumn, string> = { name: "A", country: "SY", postcode: "", email: "" };
  const errors: FieldErrors = {};
  for (const column of Object.keys(cells) as PaperColumn[]) {
    if (column === "country" && !cells.country.trim() && !paperControlCharacters.test(cells.country)) {
      errors.country = "countryRequired";
      continue;
    }
    const checked = checkPaperRow(1, { ...valid, [column]: cells[column] });
    if ("reason" in checked) errors[column] = checked.reason as PaperEntryError;
  }
  if (Object.keys(errors).length > 0) throw refuse(errors);
  const checked = checkPaperRow(1, cells);
  if ("reason" in checked) throw refuse({ name: checked.reason as PaperEntryError });
  return checked;
}

// One signer typed in from a sheet, checked by the same rules and against the same signatures as
// a CSV sheet's rows, and filed in the organiser's batch of the day. Returns how many that batch
// now holds.
export async function enterPaperSignature(options: { actor: Actor; campaignId: string; signer: PaperEntryFields; now?: Date }): Promise<{ slug: string; enteredToday: number; importId: string }> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const row = checkFields(options.signer);
  const handDay = handEntryDay(options.now ?? new Date());
  const duplicate = (): FieldErrors => (row.email ? { email: "duplicatePaperEmail" } : { name: "duplicatePaperIdentity" });
  // Sealed before the transaction (on PGlite, loading the campaign's key inside would wait for it
  // to end), and only for a campaign that still holds personal data, whose key is not destroyed.
  await requireImportableCampaign(db, options.campaignId);
  const id = randomUUID();
  const sealed = await sealPaperFields(options.campaignId, id, { name: row.name, postcode: row.postcode });
  try {
    return await db.$transaction(async (tx) => {
      const { slug } = await requireImportableCampaign(tx, options.campaignId);
      const { rows, refused } = await checkPaperRows(tx, options.campaignId, [row]);
      if (refused[0]?.reason === "duplicateOnline") throw refuse({ email: "duplicateOnline" });
      if (refused.length > 0 || !rows[0]) throw refuse(duplicate());
      const planned = rows[0];
      // INSERT ... ON CONFLICT DO NOTHING: two organisers' first entries of the day each get one batch.
      await tx.paperImport.createMany({
        data: [{ campaignId: options.campaignId, label: `Entered by hand, ${handDay}`, enteredById: options.actor.userId, signatureCount: 0, handDay }],
        skipDuplicates: true,
      });
      const batch = await tx.paperImport.findFirstOrThrow({ where: { campaignId: options.campaignId, enteredById: options.actor.userId, handDay }, select: { id: true } });
      await tx.paperSignature.create({
        data: {
          id,
          campaignId: options.campaignId,
          importId: batch.id,
          name: sealed.name,
          country: planned.country,
          postcode: sealed.postcode,
          emailHash: planned.emailHash,
          identityHash: planned.identityHash,
          consented: options.signer.consented,
        },
      });
      const updated = await tx.paperImport.update({ where: { id: batch.id }, data: { signatureCount: { increment: 1 } }, select: { signatureCount: true } });
      await recordAudit(tx, { organisationId: access.organisationId, actor: options.actor, action: "paper.enter", campaignId: options.campaignId, affected: 1, details: { import: batch.id, day: handDay } });
      return { slug, enteredToday: updated.signatureCount, importId: batch.id };
    });
  } catch (error) {
    // Someone entered the same signer between the check and the insert.
    if (isUniqueViolation(error)) throw refuse(duplicate());
    throw error;
  }
}
