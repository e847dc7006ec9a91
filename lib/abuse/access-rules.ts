import ipaddr from "ipaddr.js";
import type { AccessRuleEffect, AccessRuleKind } from "../generated/prisma/enums";
import { canonicalEmail, emailDomain } from "../signatures/canonical-email";

export type AccessRuleLike = { kind: AccessRuleKind; effect: AccessRuleEffect; pattern: string };

// An address or range in CIDR notation; a bare address is a range of one.
export function parseIpRange(pattern: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const value = pattern.trim();
  try {
    if (value.includes("/")) return ipaddr.parseCIDR(value);
    const address = ipaddr.parse(value);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

/** @internal exported for its tests */
export function ipInRange(ip: string, pattern: string): boolean {
  const range = parseIpRange(pattern);
  // Signers' IPv6 addresses are kept as their /64 network ("2001:db8::/64"): match its address.
  const address = parseIpRange(ip.split("/")[0] ?? "");
  if (!range || !address) return false;
  let candidate = address[0];
  if (candidate.kind() === "ipv6" && (candidate as ipaddr.IPv6).isIPv4MappedAddress()) candidate = (candidate as ipaddr.IPv6).toIPv4Address();
  if (candidate.kind() !== range[0].kind()) return false;
  return candidate.match(range);
}

// "example.com" is that domain only; "*" stands for any run of characters, so "*.example.com" is
// every subdomain of example.com.
/** @internal exported for its tests */
export function domainMatches(domain: string, pattern: string): boolean {
  const escaped = pattern.trim().toLowerCase().split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`).test(domain.toLowerCase());
}

// The signer as rules see them: the address (normalised), its keyed hash, the e-mail address.
export type AccessSubject = { ip: string | null; ipHash?: string | null; email: string };

function ruleMatches(rule: AccessRuleLike, subject: AccessSubject): boolean {
  if (rule.kind === "IP_RANGE") return subject.ip !== null && ipInRange(subject.ip, rule.pattern);
  if (rule.kind === "IP_HASH") return Boolean(subject.ipHash) && subject.ipHash === rule.pattern;
  const canonical = canonicalEmail(subject.email);
  if (rule.kind === "EMAIL_DOMAIN") return domainMatches(emailDomain(canonical), rule.pattern);
  return canonicalEmail(rule.pattern) === canonical;
}

export type AccessVerdict = {
  // An allowed address skips the rate limits; an allowed e-mail skips the disposable-domain list.
  ipAllowed: boolean;
  emailAllowed: boolean;
  // An allow rule always wins over a block rule of the same kind of subject.
  blocked: boolean;
};

export function accessVerdict(rules: AccessRuleLike[], subject: AccessSubject): AccessVerdict {
  const matching = rules.filter((rule) => ruleMatches(rule, subject));
  const isIp = (rule: AccessRuleLike) => rule.kind === "IP_RANGE" || rule.kind === "IP_HASH";
  const ipAllowed = matching.some((rule) => isIp(rule) && rule.effect === "ALLOW");
  const emailAllowed = matching.some((rule) => !isIp(rule) && rule.effect === "ALLOW");
  const ipBlocked = !ipAllowed && matching.some((rule) => isIp(rule) && rule.effect === "BLOCK");
  const emailBlocked = !emailAllowed && matching.some((rule) => !isIp(rule) && rule.effect === "BLOCK");
  return { ipAllowed, emailAllowed, blocked: ipBlocked || emailBlocked };
}
