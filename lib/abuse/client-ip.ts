import ipaddr from "ipaddr.js";
import { peerAddressHeader } from "../http/front-door.js";

export type RequestHeaders = { get(name: string): string | null };

// What a request counts as when no address can be told: one address shared by every such request,
// so that they are limited together and never escape the limits for having no address.
/** @internal exported for its tests */
export const unknownAddress = "unknown";

function addressOrNull(raw: string | null | undefined): string | null {
  const value = (raw ?? "").trim().replace(/^\[|\](:\d+)?$/g, "");
  return value !== "" && ipaddr.isValid(value) ? normaliseIp(value) : null;
}

// The signer's address as rate limits and abuse checks see it. Without a proxy in front (`hops`
// 0) it is the connection's own address, written by the server in front of Next.js
// (lib/http/front-door.js): whatever the client says in X-Forwarded-For is ignored. Behind `hops`
// proxies that each append their peer, the entry `hops` places from the right is the one a trusted
// proxy wrote; when there is no such entry, or it is not an address, the connection's address
// stands in (the nearest proxy's, shared by every such request). IPv6 is grouped by /64: one
// subscriber usually holds a whole /64.
export function clientIp(headers: RequestHeaders, hops: number): string {
  const peer = addressOrNull(headers.get(peerAddressHeader)) ?? unknownAddress;
  if (hops <= 0) return peer;
  const entries = headers.get("x-forwarded-for")?.split(",") ?? [];
  return (entries.length >= hops ? addressOrNull(entries[entries.length - hops]) : null) ?? peer;
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
