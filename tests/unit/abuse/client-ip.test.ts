import { describe, expect, it } from "vitest";
import { clientIp, normaliseIp, unknownAddress } from "../../../lib/abuse/client-ip";
import { peerAddressHeader } from "../../../lib/http/front-door.js";

// A request's headers as a route handler sees them: the connection's address (written by the
// server in front of Next.js) and whatever X-Forwarded-For arrived.
function request(peer: string | null, forwardedFor?: string) {
  const headers = new Headers();
  if (peer !== null) headers.set(peerAddressHeader, peer);
  if (forwardedFor !== undefined) headers.set("x-forwarded-for", forwardedFor);
  return headers;
}

describe("the signer's address", () => {
  it("without a proxy is the connection's, whatever X-Forwarded-For says or does not say", () => {
    for (const forwardedFor of [undefined, "", " ", ",", "6.6.6.6", "6.6.6.6, 7.7.7.7", "not-an-address", "::1"]) {
      expect(clientIp(request("203.0.113.9", forwardedFor), 0), JSON.stringify(forwardedFor)).toBe("203.0.113.9");
    }
    expect(clientIp(request("::ffff:127.0.0.1", "6.6.6.6"), 0)).toBe("127.0.0.1");
  });

  it("behind N proxies is the entry N places from the right", () => {
    expect(clientIp(request("10.0.0.2", "6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(request("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientIp(request("10.0.0.2", "203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("is never no address: a missing, empty, short or malformed header falls back to the connection's", () => {
    const proxy = "10.0.0.2";
    for (const forwardedFor of [undefined, "", " ", " , ", "unknown", "6.6.6.6, not-an-address", "6.6.6.6, ", "999.1.1.1"]) {
      expect(clientIp(request(proxy, forwardedFor), 1), JSON.stringify(forwardedFor)).toBe(proxy);
    }
    // Fewer entries than proxies: the request did not come through all of them.
    expect(clientIp(request(proxy, "203.0.113.9"), 2)).toBe(proxy);
  });

  it("is one shared address when the connection's is not known either", () => {
    for (const peer of [null, "", "garbage"]) {
      expect(clientIp(request(peer, "6.6.6.6"), 0), String(peer)).toBe(unknownAddress);
      expect(clientIp(request(peer, ""), 1), String(peer)).toBe(unknownAddress);
    }
  });

  it("groups IPv6 by its /64 and reads IPv4-mapped addresses as IPv4", () => {
    expect(normaliseIp("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseIp("2001:db8:1:2:bbbb::9")).toBe(normaliseIp("2001:db8:1:2:aaaa::1"));
    expect(normaliseIp("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseIp("[2001:db8::1]:443")).toBe("2001:db8::/64");
    expect(clientIp(request("2001:db8:1:2:aaaa::1"), 0)).toBe("2001:db8:1:2::/64");
    expect(clientIp(request("10.0.0.2", "[2001:db8::1]:443"), 1)).toBe("2001:db8::/64");
  });

  it("keeps junk as it came (shortened), so that junk still groups with the same junk", () => {
    expect(normaliseIp("not-an-address")).toBe("not-an-address");
    expect(normaliseIp("x".repeat(500))).toHaveLength(64);
  });
});
