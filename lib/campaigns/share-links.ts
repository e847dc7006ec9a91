import { taggedUrl, type ShareChannel } from "./share-channels";

export type ShareLinkChannel = Extract<ShareChannel, "whatsapp" | "telegram" | "x" | "facebook" | "bluesky" | "email">;

// Plain links to each network's own share page: no scripts of theirs load on ours.
// Each shared URL carries a source tag, so organisers can see which channel brought signers.
export function shareLinks(options: { campaignUrl: string; text: string; subject: string }): { channel: ShareLinkChannel; href: string }[] {
  const tagged = (channel: ShareChannel) => taggedUrl(options.campaignUrl, channel);
  const encode = encodeURIComponent;
  return [
    { channel: "whatsapp", href: `https://wa.me/?text=${encode(`${options.text} ${tagged("whatsapp")}`)}` },
    { channel: "telegram", href: `https://t.me/share/url?url=${encode(tagged("telegram"))}&text=${encode(options.text)}` },
    { channel: "x", href: `https://x.com/intent/post?text=${encode(options.text)}&url=${encode(tagged("x"))}` },
    { channel: "facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${encode(tagged("facebook"))}` },
    { channel: "bluesky", href: `https://bsky.app/intent/compose?text=${encode(`${options.text} ${tagged("bluesky")}`)}` },
    { channel: "email", href: `mailto:?subject=${encode(options.subject)}&body=${encode(`${options.text}\n\n${tagged("email")}`)}` },
  ];
}

// Mastodon has no central share page: each server has its own, so the reader names theirs, and
// is told which server they are about to be sent to before they go. Only a server's name is
// taken: no scheme, path, port, "user@" part or address, so that a link crafted by someone else
// cannot dress one host up as another. Unicode names are taken and shown in their ASCII form,
// which is the host the browser will really reach.
export type MastodonHostError = "required" | "handle" | "address" | "invalid";
export type MastodonHost = { ok: true; host: string } | { ok: false; error: MastodonHostError };

// Names reserved for local networks, reverse look-ups, documentation and tests: never a public server.
const reservedSuffixes = ["localhost", "local", "internal", "arpa", "invalid", "test", "example"];
const dnsName = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function mastodonHost(instance: string): MastodonHost {
  const value = instance.trim().toLowerCase();
  if (value === "") return { ok: false, error: "required" };
  if (/[/\\:?#]/.test(value)) return { ok: false, error: "address" };
  if (value.includes("@")) return { ok: false, error: "handle" };
  // Letters, digits, dots and hyphens only (any script, for internationalised names).
  if (value.length > 253 || /[^\p{L}\p{M}\p{N}.-]/u.test(value)) return { ok: false, error: "invalid" };
  let host: string;
  try {
    host = new URL(`https://${value}`).hostname;
  } catch {
    return { ok: false, error: "invalid" };
  }
  // A numeric last label is an IP address (the URL parser turns "0x7f.1" into 127.0.0.1).
  if (!dnsName.test(host)) return { ok: false, error: "invalid" };
  if (reservedSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return { ok: false, error: "invalid" };
  return { ok: true, host };
}

export function mastodonShareLink(options: { host: string; campaignUrl: string; text: string }): string {
  const text = `${options.text} ${taggedUrl(options.campaignUrl, "mastodon")}`;
  return `https://${options.host}/share?text=${encodeURIComponent(text)}`;
}
