import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";
import { appSecret } from "../secrets";

// Where a CRM stopped reading its organisation's feed: the last event's time and id, signed for
// that organisation, so a cursor can be neither forged, altered nor used on another feed.
export type FeedPosition = { at: Date; id: string };

function mac(organisationId: string, payload: string): Buffer {
  return createHmac("sha256", appSecret()).update(`signer-feed:${organisationId}:${payload}`).digest().subarray(0, 16);
}

export function encodeFeedCursor(organisationId: string, position: FeedPosition): string {
  const payload = Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString("base64url");
  return `${payload}.${mac(organisationId, payload).toString("base64url")}`;
}

export function decodeFeedCursor(organisationId: string, value: string | undefined): FeedPosition | null {
  if (value === undefined || value === "") return null;
  const [payload, signature, extra] = value.split(".");
  if (payload && signature && extra === undefined) {
    const given = Buffer.from(signature, "base64url");
    const expected = mac(organisationId, payload);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      const [at, id] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as [string, string];
      return { at: new Date(at), id };
    }
  }
  throw new AppError("VALIDATION", { fields: { cursor: "invalid" } });
}
