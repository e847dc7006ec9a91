import ipaddr from "ipaddr.js";

// Addresses a webhook must never reach in production: the server itself, its private network,
// link-local (cloud metadata services) and the like. Otherwise an organisation could make Nida's
// server call into its own infrastructure. Only ordinary public unicast addresses are reachable.
function isPublicIPv4(address: ipaddr.IPv4): boolean {
  return address.range() === "unicast";
}

function embeddedIPv4(address: ipaddr.IPv6, high: number, low: number): ipaddr.IPv4 {
  const parts = address.parts;
  return new ipaddr.IPv4([parts[high]! >> 8, parts[high]! & 0xff, parts[low]! >> 8, parts[low]! & 0xff]);
}

// IPv6 forms that carry an IPv4 address reach that address (the kernel maps them, or a
// translator or relay on the way forwards to it): they are as public as the address inside.
function isPublicIPv6(address: ipaddr.IPv6): boolean {
  const parts = address.parts;
  // ::a.b.c.d (IPv4-compatible, deprecated): ipaddr.js calls most of ::/96 unicast.
  if (parts.slice(0, 6).every((part) => part === 0)) return parts[6] !== 0 && isPublicIPv4(embeddedIPv4(address, 6, 7));
  switch (address.range()) {
    case "unicast":
      return true;
    // ::ffff:a.b.c.d, ::ffff:0:a.b.c.d
    case "ipv4Mapped":
    case "rfc6145":
      return isPublicIPv4(embeddedIPv4(address, 6, 7));
    // 64:ff9b::a.b.c.d is NAT64's well-known prefix; 64:ff9b:1::/48 is for a network's own use.
    case "rfc6052":
      return parts[2] === 0 && isPublicIPv4(embeddedIPv4(address, 6, 7));
    // 2002:AABB:CCDD::/48 is the 6to4 network of AA.BB.CC.DD.
    case "6to4":
      return isPublicIPv4(embeddedIPv4(address, 1, 2));
    // Loopback, link-local, unique-local, site-local (fec0::/10), multicast, Teredo and the rest.
    default:
      return false;
  }
}

// Whether an IP address (in any notation, with or without brackets) is one a webhook may not
// reach. A name that is not an address is not judged here: it is resolved and judged when a
// delivery connects.
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.parse(bare);
  return parsed.kind() === "ipv4" ? !isPublicIPv4(parsed as ipaddr.IPv4) : !isPublicIPv6(parsed as ipaddr.IPv6);
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
