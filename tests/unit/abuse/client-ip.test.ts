import { describe, expect, it } from "vitest";
import { clientIp, normaliseIp } from "../../../lib/abuse/client-ip";

describe("the signer's address", () => {
  it("is the last X-Forwarded-For entry without a proxy or behind one, and the Nth from the right behind N", () => {
    expect(clientIp("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientIp("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientIp("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    // Fewer entries than proxies: the leftmost is the best there is.
    expect(clientIp("203.0.113.9", 3)).toBe("203.0.113.9");
    expect(clientIp(null, 1)).toBeNull();
    expect(clientIp(" , ", 1)).toBeNull();
  });

  it("groups IPv6 by its /64 and reads IPv4-mapped addresses as IPv4", () => {
    expect(normaliseIp("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normaliseIp("2001:db8:1:2:bbbb::9")).toBe(normaliseIp("2001:db8:1:2:aaaa::1"));
    expect(normaliseIp("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseIp("[2001:db8::1]:443")).toBe("2001:db8::/64");
  });

  it("keeps junk as it came (shortened), so that junk still groups with the same junk", () => {
    expect(normaliseIp("not-an-address")).toBe("not-an-address");
    expect(normaliseIp("x".repeat(500))).toHaveLength(64);
  });
});
