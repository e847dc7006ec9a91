import ipaddr from "ipaddr.js";

// The signer's address as rate limits and abuse checks see it. Next.js fills X-Forwarded-For from
// the socket only when the request has none, so without a proxy a client can name itself; behind
// `hops` proxies that each append their peer, the entry `hops` places from the right is the one a
// trusted proxy wrote. IPv6 is grouped by /64: one subscriber usually holds a whole /64.
export function clientIp(forwardedFor: string | null | undefined, hops: number): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const raw = entries[Math.max(0, entries.length - Math.max(1, hops))]!;
  return normaliseIp(raw);
}

// A canonical form of an address (IPv4-mapped IPv6 as IPv4, IPv6 as its /64); anything that is not
// an address is kept, shortened, so that junk still groups with the same junk.
export function normaliseIp(raw: string): string {
  const value = raw.replace(/^\[|\](:\d+)?$/g, "");
  if (!ipaddr.isValid(value)) return raw.slice(0, 64);
  let address = ipaddr.parse(value);
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  if (address.kind() === "ipv4") return address.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`);
  return `${network.toString()}/64`;
}
