import { db } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { parseQuery } from "../api/parse-query";
import { signerEventList, signerFeedQuery, type SignerEventList } from "../api/schema";
import { iso } from "../api/shape";
import { consentedWhere } from "../exports/consent";
import { openSignatures, openSupporterEmails } from "../sealing/signer-data";
import { decodeFeedCursor, encodeFeedCursor } from "./feed-cursor";

const typeOf = { SIGNED: "signed", UNSUBSCRIBED: "unsubscribed", ERASED: "erased" } as const;

// GET /api/v1/signer-events: the organisation's feed for its CRM, oldest first, from a cursor.
// A SIGNED event shows the signer's details only while they still consent (the same rule as the
// CSV export); once they withdrew or were erased it is left out, and their later event says why.
export async function listSignerEvents(options: { organisationId: string; query: URLSearchParams }): Promise<SignerEventList> {
  const query = parseQuery(signerFeedQuery, options.query);
  const from = decodeFeedCursor(options.organisationId, query.cursor);
  const settled = new Date(Date.now() - env.SIGNER_FEED_SETTLE_SECONDS * 1000);
  const after: Prisma.SignerEventWhereInput = from ? { OR: [{ createdAt: { gt: from.at } }, { createdAt: from.at, id: { gt: from.id } }] } : {};
  const rows = await db.signerEvent.findMany({
    where: {
      organisationId: options.organisationId,
      createdAt: { lte: settled },
      AND: [after, { OR: [{ kind: { not: "SIGNED" } }, { signature: consentedWhere(options.organisationId) }] }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      kind: true,
      signer: true,
      createdAt: true,
      signature: {
        select: {
          id: true,
          name: true,
          country: true,
          postcode: true,
          locale: true,
          confirmedAt: true,
          campaign: { select: { slug: true } },
          supporter: { select: { email: true, emailHash: true } },
        },
      },
    },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  // The signers' details this page shows, opened.
  const shown = await openSignatures(page.flatMap((row) => (row.kind === "SIGNED" && row.signature?.supporter ? [{ ...row.signature, supporter: row.signature.supporter }] : [])));
  const emails = await openSupporterEmails(shown.map((signature) => signature.supporter));
  const opened = new Map(shown.map((signature, index) => [signature.id, { ...signature, email: emails[index]!.email }]));
  return signerEventList.parse({
    data: page.map((row) => {
      const signature = row.kind === "SIGNED" && row.signature ? opened.get(row.signature.id) : undefined;
      return {
        id: row.id,
        type: typeOf[row.kind],
        occurredAt: iso(row.createdAt),
        signer: row.signer,
        details: signature
          ? {
              name: signature.name,
              email: signature.email,
              country: signature.country,
              postcode: signature.postcode,
              locale: signature.locale,
              campaign: signature.campaign.slug,
              confirmedAt: iso(signature.confirmedAt ?? row.createdAt),
            }
          : null,
      };
    }),
    // At the end of the feed the cursor stays where it was, ready for the next poll.
    nextCursor: last ? encodeFeedCursor(options.organisationId, { at: last.createdAt, id: last.id }) : (query.cursor ?? encodeFeedCursor(options.organisationId, { at: new Date(0), id: "" })),
    hasMore: rows.length > query.limit,
  });
}
