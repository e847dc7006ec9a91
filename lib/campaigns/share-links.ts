export type ShareChannel = "whatsapp" | "telegram" | "x" | "facebook" | "email";

// Plain links to each network's own share page: no scripts of theirs load on ours.
// Each shared URL carries a source tag, so organisers can see which channel brought signers.
export function shareLinks(options: { campaignUrl: string; text: string; subject: string }): { channel: ShareChannel; href: string }[] {
  const tagged = (channel: ShareChannel) => `${options.campaignUrl}?source=${channel}`;
  const encode = encodeURIComponent;
  return [
    { channel: "whatsapp", href: `https://wa.me/?text=${encode(`${options.text} ${tagged("whatsapp")}`)}` },
    { channel: "telegram", href: `https://t.me/share/url?url=${encode(tagged("telegram"))}&text=${encode(options.text)}` },
    { channel: "x", href: `https://x.com/intent/post?text=${encode(options.text)}&url=${encode(tagged("x"))}` },
    { channel: "facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${encode(tagged("facebook"))}` },
    { channel: "email", href: `mailto:?subject=${encode(options.subject)}&body=${encode(`${options.text}\n\n${tagged("email")}`)}` },
  ];
}
