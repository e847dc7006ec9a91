// Where a signature came from. A shared link carries one of these as ?s=<channel>; the campaign
// page hands it to the sign form, and the signature stores it. Anything else is dropped, so the
// column only ever holds these values and organisers' per-channel counts stay readable.
// "qr" is a poster's QR code, scanned; "poster" its short address, typed by hand.
const shareChannels = ["whatsapp", "telegram", "x", "facebook", "bluesky", "mastodon", "email", "link", "device", "embed", "qr", "poster"] as const;
export type ShareChannel = (typeof shareChannels)[number];

// The query parameter a shared link carries. "source" is the older name, still read.
const sourceParam = "s";

export function isShareChannel(value: unknown): value is ShareChannel {
  return typeof value === "string" && (shareChannels as readonly string[]).includes(value);
}

// The channel named by a URL's query string (?s=whatsapp or ?source=whatsapp), if it is one of ours.
export function channelFromSearch(search: string | URLSearchParams): ShareChannel | null {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const value = params.get(sourceParam) ?? params.get("source");
  return isShareChannel(value) ? value : null;
}

export function taggedUrl(campaignUrl: string, channel: ShareChannel): string {
  return `${campaignUrl}?${sourceParam}=${channel}`;
}
