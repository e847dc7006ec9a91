import { describe, expect, it } from "vitest";
import { accessVerdict, domainMatches, ipInRange } from "../../../lib/abuse/access-rules";
import { isDisposableDomain } from "../../../lib/abuse/disposable-domains";
import { accessRuleSchema } from "../../../lib/abuse/schema";

describe("block and allow rules", () => {
  it("match IPv4 and IPv6 ranges in CIDR notation, and single addresses", () => {
    expect(ipInRange("203.0.113.77", "203.0.113.0/24")).toBe(true);
    expect(ipInRange("203.0.114.1", "203.0.113.0/24")).toBe(false);
    expect(ipInRange("203.0.113.77", "203.0.113.77")).toBe(true);
    expect(ipInRange("2001:db8:1:2::/64", "2001:db8::/32")).toBe(true);
    expect(ipInRange("2001:db9::/64", "2001:db8::/32")).toBe(false);
    expect(ipInRange("203.0.113.77", "2001:db8::/32")).toBe(false);
    expect(ipInRange("junk", "203.0.113.0/24")).toBe(false);
  });

  it("match domains exactly, or every subdomain with *", () => {
    expect(domainMatches("example.com", "example.com")).toBe(true);
    expect(domainMatches("mail.example.com", "example.com")).toBe(false);
    expect(domainMatches("mail.example.com", "*.example.com")).toBe(true);
    expect(domainMatches("a.b.example.com", "*.example.com")).toBe(true);
    expect(domainMatches("example.com", "*.example.com")).toBe(false);
    expect(domainMatches("badexample.com", "*.example.com")).toBe(false);
    // A dot in a pattern is a dot, not "any character".
    expect(domainMatches("exampleXcom", "example.com")).toBe(false);
  });

  it("let an allow rule win over a block rule, each for its own kind of subject", () => {
    const rules = [
      { kind: "IP_RANGE" as const, effect: "BLOCK" as const, pattern: "203.0.113.0/24" },
      { kind: "IP_RANGE" as const, effect: "ALLOW" as const, pattern: "203.0.113.7" },
      { kind: "EMAIL_DOMAIN" as const, effect: "BLOCK" as const, pattern: "*.spam.test" },
      { kind: "EMAIL_ADDRESS" as const, effect: "ALLOW" as const, pattern: "Good.Person+x@a.spam.test" },
    ];
    expect(accessVerdict(rules, { ip: "203.0.113.9", email: "x@example.org" })).toEqual({ ipAllowed: false, emailAllowed: false, blocked: true });
    expect(accessVerdict(rules, { ip: "203.0.113.7", email: "x@example.org" })).toEqual({ ipAllowed: true, emailAllowed: false, blocked: false });
    expect(accessVerdict(rules, { ip: "198.51.100.1", email: "x@b.spam.test" }).blocked).toBe(true);
    // The address rule compares canonical forms: case and +tag do not matter.
    expect(accessVerdict(rules, { ip: "198.51.100.1", email: "good.person@a.spam.test" })).toEqual({ ipAllowed: false, emailAllowed: true, blocked: false });
    expect(accessVerdict(rules, { ip: null, email: "x@example.org" }).blocked).toBe(false);
  });

  it("allow one connection by its IP hash (the address itself is never stored), exactly and case-sensitively", () => {
    const hash = "Qm9ndXNJcEhhc2hGb3JQcmV2aWV3MDEy";
    const rules = [
      { kind: "IP_RANGE" as const, effect: "BLOCK" as const, pattern: "203.0.113.0/24" },
      { kind: "IP_HASH" as const, effect: "ALLOW" as const, pattern: hash },
    ];
    expect(accessVerdict(rules, { ip: "203.0.113.9", ipHash: hash, email: "x@example.org" })).toEqual({ ipAllowed: true, emailAllowed: false, blocked: false });
    expect(accessVerdict(rules, { ip: "203.0.113.9", ipHash: hash.toLowerCase(), email: "x@example.org" })).toEqual({ ipAllowed: false, emailAllowed: false, blocked: true });
    expect(accessVerdict(rules, { ip: null, ipHash: null, email: "x@example.org" }).ipAllowed).toBe(false);
    expect(accessRuleSchema.parse({ kind: "IP_HASH", effect: "ALLOW", pattern: ` ${hash} ` }).pattern).toBe(hash);
    expect(accessRuleSchema.safeParse({ kind: "IP_HASH", effect: "ALLOW", pattern: hash.slice(0, 10) }).error?.issues[0]?.message).toBe("ipHashInvalid");
  });

  it("are validated and stored in one spelling", () => {
    expect(accessRuleSchema.parse({ kind: "IP_RANGE", effect: "BLOCK", pattern: " 203.0.113.0/24 " }).pattern).toBe("203.0.113.0/24");
    expect(accessRuleSchema.parse({ kind: "EMAIL_DOMAIN", effect: "BLOCK", pattern: "@*.Example.COM" }).pattern).toBe("*.example.com");
    expect(accessRuleSchema.safeParse({ kind: "IP_RANGE", effect: "BLOCK", pattern: "203.0.113.0/33" }).error?.issues[0]?.message).toBe("ipRangeInvalid");
    expect(accessRuleSchema.safeParse({ kind: "EMAIL_DOMAIN", effect: "BLOCK", pattern: "not a domain" }).error?.issues[0]?.message).toBe("domainInvalid");
    expect(accessRuleSchema.safeParse({ kind: "EMAIL_ADDRESS", effect: "ALLOW", pattern: "nobody" }).error?.issues[0]?.message).toBe("emailInvalid");
    expect(accessRuleSchema.safeParse({ kind: "COUNTRY", effect: "BLOCK", pattern: "SY" }).error?.issues[0]?.message).toBe("kindInvalid");
  });
});

describe("disposable e-mail domains", () => {
  it("recognises throwaway-mailbox providers and their subdomains, not ordinary providers", () => {
    expect(isDisposableDomain("mailinator.com")).toBe(true);
    expect(isDisposableDomain("MAILINATOR.COM")).toBe(true);
    expect(isDisposableDomain("eu.mailinator.com")).toBe(true);
    expect(isDisposableDomain("gmail.com")).toBe(false);
    expect(isDisposableDomain("example.org")).toBe(false);
  });
});
