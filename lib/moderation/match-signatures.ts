import type { Prisma } from "../generated/prisma/client";
import { canonicalEmail } from "../signatures/canonical-email";
import type { SearchFilters, SignatureSelector } from "./schema";
import { heldStates } from "./signature-states";

const ipHashLength = 32;
const dayMs = 86_400_000;

// Prisma passes `contains` and `startsWith` to LIKE as they are: escape its wildcards.
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

function ipHashMatch(ipHash: string): Prisma.StringNullableFilter {
  return ipHash.length >= ipHashLength ? { equals: ipHash } : { startsWith: likeLiteral(ipHash) };
}

// The signatures of one campaign a bulk action applies to. The preview and the action use this
// same condition, so what is previewed is what the action would touch.
export function selectorWhere(campaignId: string, selector: SignatureSelector): Prisma.SignatureWhereInput {
  if ("ids" in selector) return { campaignId, id: { in: selector.ids } };
  if ("ipHash" in selector) return { campaignId, ipHash: ipHashMatch(selector.ipHash) };
  if ("emailDomain" in selector) return { campaignId, emailDomain: selector.emailDomain };
  // One signature per campaign per canonical address, whichever way the signer spelled it.
  if ("email" in selector) return { campaignId, supporter: { canonicalEmail: canonicalEmail(selector.email) } };
  return { campaignId, country: selector.country };
}

// `emailsShown` is the condition under which the searcher sees a signature's address (null: never).
// Part of an address matches only there, so that searching cannot spell out, a letter at a time,
// an address the searcher is not shown.
export function filtersWhere(campaignId: string, filters: SearchFilters, options: { emailsShown: Prisma.SignatureWhereInput | null }): Prisma.SignatureWhereInput {
  const conditions: Prisma.SignatureWhereInput[] = [{ campaignId }];
  if (filters.text) {
    const text = likeLiteral(filters.text);
    conditions.push({
      OR: [
        { name: { contains: text, mode: "insensitive" } },
        ...(options.emailsShown ? [{ AND: [options.emailsShown, { supporter: { is: { email: { contains: text, mode: "insensitive" as const } } } }] }] : []),
      ],
    });
  }
  if (filters.email) conditions.push({ supporter: { canonicalEmail: canonicalEmail(filters.email) } });
  if (filters.country) conditions.push({ country: filters.country });
  if (filters.state) conditions.push(filters.state === "HELD" ? { state: { in: [...heldStates] } } : { state: filters.state });
  if (filters.from) conditions.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  // "To" includes the whole of that day.
  if (filters.to) conditions.push({ createdAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + dayMs) } });
  if (filters.ipHash) conditions.push({ ipHash: ipHashMatch(filters.ipHash) });
  if (filters.emailDomain) conditions.push({ emailDomain: filters.emailDomain });
  return conditions.length === 1 ? conditions[0]! : { AND: conditions };
}
