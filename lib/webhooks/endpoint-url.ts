import { BlockList, isIP } from "node:net";

// Addresses a webhook must never reach in production: the server itself, its private network,
// link-local (cloud metadata services) and the like. Otherwise an organisation could make Nida's
// server call into its own infrastructure.
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const version = isIP(bare);
  if (version === 4) return privateRanges.check(bare, "ipv4");
  if (version === 6) {
    // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is the IPv4 address.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
    if (mapped) return privateRanges.check(mapped[1]!, "ipv4");
    return privateRanges.check(bare, "ipv6");
  }
  return false;
}

// A host a webhook may not be sent to in production: the machine itself or a private network.
// Names that resolve to a private address are refused again when a delivery connects (see
// post-webhook.ts); this check is for the form, on what the address says.
export function isPrivateHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || isPrivateAddress(host);
}
