import { describe, expect, it } from "vitest";
import { canonicalEmail, emailDomain } from "../../../lib/signatures/canonical-email";

// The identity behind "one signature per campaign per address": two spellings of one mailbox
// must collapse to one, and two different mailboxes must not.
describe("canonicalEmail", () => {
  it("lower-cases the whole address", () => {
    expect(canonicalEmail("Layla.Haddad@Example.ORG")).toBe("layla.haddad@example.org");
  });

  it("removes a +tag from the local part, on any domain", () => {
    expect(canonicalEmail("layla+petitions@example.org")).toBe("layla@example.org");
    expect(canonicalEmail("layla+a+b@example.org")).toBe("layla@example.org");
    expect(canonicalEmail("Layla+News@GMAIL.com")).toBe("layla@gmail.com");
  });

  it("removes dots from the local part on gmail.com and googlemail.com", () => {
    expect(canonicalEmail("l.a.y.l.a@gmail.com")).toBe("layla@gmail.com");
    expect(canonicalEmail("Lay.La+tag@GoogleMail.com")).toBe("layla@gmail.com");
  });

  it("treats googlemail.com as the same mailbox as gmail.com", () => {
    expect(canonicalEmail("layla.h@googlemail.com")).toBe(canonicalEmail("LaylaH@gmail.com"));
  });

  it("keeps dots everywhere else, where they make a different mailbox", () => {
    expect(canonicalEmail("layla.haddad@example.org")).toBe("layla.haddad@example.org");
    expect(canonicalEmail("layla.haddad@example.org")).not.toBe(canonicalEmail("laylahaddad@example.org"));
    // The domain's own dots are never touched, gmail or not.
    expect(canonicalEmail("a.b@mail.example.co.uk")).toBe("a.b@mail.example.co.uk");
    // A look-alike domain is not gmail.
    expect(canonicalEmail("a.b@gmail.com.example.org")).toBe("a.b@gmail.com.example.org");
  });

  it("ignores surrounding whitespace", () => {
    expect(canonicalEmail("  Layla@Example.org \t\n")).toBe("layla@example.org");
  });

  it("collapses every spelling of one gmail mailbox to the same identity", () => {
    const spellings = ["layla.haddad@gmail.com", "LaylaHaddad@gmail.com", " layla.haddad+sy@Gmail.com ", "l.aylahaddad+x@GMAIL.COM"];
    expect(new Set(spellings.map(canonicalEmail))).toEqual(new Set(["laylahaddad@gmail.com"]));
  });

  it("keeps a local part that is only a +tag or has no @ as it is (lower-cased), rather than emptying it", () => {
    expect(canonicalEmail("+tag@example.org")).toBe("+tag@example.org");
    expect(canonicalEmail("Not An Address")).toBe("not an address");
  });
});

describe("emailDomain", () => {
  it("is the lower-cased part after the last @", () => {
    expect(emailDomain("Layla@Mail.Example.ORG")).toBe("mail.example.org");
  });
});
