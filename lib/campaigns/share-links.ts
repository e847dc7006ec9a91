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

// Mastodon has no central share page: each server has its own, so the reader names theirs.
// Returns null for anything that is not a plain host name (no paths, credentials or ports games).
export function mastodonShareLink(options: { instance: string; campaignUrl: string; text: string }): string | null {
  const host = options.instance
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^@?[^@/]*@/, "")
    .replace(/\/+$/, "");
  if (!/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host)) return null;
  const text = `${options.text} ${taggedUrl(options.campaignUrl, "mastodon")}`;
  return `https://${host}/share?text=${encodeURIComponent(text)}`;
}
