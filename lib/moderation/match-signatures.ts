import type { Prisma } from "../generated/prisma/client";
import { emailHash, nameWords } from "../sealing/lookup";
import type { SearchFilters, SignatureSelector } from "./schema";
import { heldStates } from "./signature-states";

const ipHashLength = 32;
const dayMs = 86_400_000;
// The form's text is an address when it reads like one; anything else is words of a name.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

// Prisma passes `contains` and `startsWith` to LIKE as they are: escape its wildcards.
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

function ipHashMatch(ipHash: string): Prisma.StringNullableFilter {
  return ipHash.length >= ipHashLength ? { equals: ipHash } : { startsWith: likeLiteral(ipHash) };
}

// One signature per campaign per canonical address, whichever way the signer spelled it.
function supporterByEmail(email: string): Prisma.SignatureWhereInput {
  return { supporter: { is: { emailHash: emailHash(email) } } };
}

// The signatures of one campaign a bulk action applies to. The preview and the action use this
// same condition, so what is previewed is what the action would touch.
export function selectorWhere(campaignId: string, selector: SignatureSelector): Prisma.SignatureWhereInput {
  if ("ids" in selector) return { campaignId, id: { in: selector.ids } };
  if ("ipHash" in selector) return { campaignId, ipHash: ipHashMatch(selector.ipHash) };
  if ("emailDomain" in selector) return { campaignId, emailDomain: selector.emailDomain };
  if ("email" in selector) return { campaignId, ...supporterByEmail(selector.email) };
  return { campaignId, country: selector.country };
}

// Names and addresses are sealed: the text finds names holding every one of its words (whole
// words, however accented) and, typed in full, an address. `emailsShown` is the condition under
// which the searcher sees a signature's address (null: never); an address matches only there, so
// that searching reveals no address the searcher is not shown.
function textWhere(text: string, emailsShown: Prisma.SignatureWhereInput | null): Prisma.SignatureWhereInput {
  const words = nameWords(text);
  const matches: Prisma.SignatureWhereInput[] = [];
  // Text without a letter or digit names no one (and an empty hasEvery would match everyone).
  if (words.length > 0) matches.push({ nameWords: { hasEvery: words } });
  if (emailsShown && emailShape.test(text)) matches.push({ AND: [emailsShown, supporterByEmail(text)] });
  return matches.length > 0 ? { OR: matches } : { id: { in: [] } };
}

export function filtersWhere(campaignId: string, filters: SearchFilters, options: { emailsShown: Prisma.SignatureWhereInput | null }): Prisma.SignatureWhereInput {
  const conditions: Prisma.SignatureWhereInput[] = [{ campaignId }];
  if (filters.text) conditions.push(textWhere(filters.text, options.emailsShown));
  if (filters.email) conditions.push(supporterByEmail(filters.email));
  if (filters.country) conditions.push({ country: filters.country });
  if (filters.state) conditions.push(filters.state === "HELD" ? { state: { in: [...heldStates] } } : { state: filters.state });
  if (filters.from) conditions.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  // "To" includes the whole of that day.
  if (filters.to) conditions.push({ createdAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + dayMs) } });
  if (filters.ipHash) conditions.push({ ipHash: ipHashMatch(filters.ipHash) });
  if (filters.emailDomain) conditions.push({ emailDomain: filters.emailDomain });
  return conditions.length === 1 ? conditions[0]! : { AND: conditions };
}
