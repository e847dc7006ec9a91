import { describe, expect, it } from "vitest";
import { channelFromSearch, isShareChannel } from "../../../lib/campaigns/share-channels";
import { mastodonShareLink, shareLinks } from "../../../lib/campaigns/share-links";

const campaignUrl = "https://nida.test/ar/campaigns/protect-civilians";
// Characters that break a query string if not encoded, and Arabic.
const text = "وقّعوا: Stop the bombing & protect #Idlib? 100% = now";
const subject = "حماية المدنيين & more";

const links = shareLinks({ campaignUrl, text, subject });
const byChannel = Object.fromEntries(links.map((link) => [link.channel, new URL(link.href)]));

describe("shareLinks", () => {
  it("offers WhatsApp, Telegram, X, Facebook, Bluesky and e-mail, each on the network's own share page", () => {
    expect(links.map((link) => link.channel)).toEqual(["whatsapp", "telegram", "x", "facebook", "bluesky", "email"]);
    expect(byChannel.whatsapp!.origin + byChannel.whatsapp!.pathname).toBe("https://wa.me/");
    expect(byChannel.telegram!.origin + byChannel.telegram!.pathname).toBe("https://t.me/share/url");
    expect(byChannel.x!.origin + byChannel.x!.pathname).toBe("https://x.com/intent/post");
    expect(byChannel.facebook!.origin + byChannel.facebook!.pathname).toBe("https://www.facebook.com/sharer/sharer.php");
    expect(byChannel.bluesky!.origin + byChannel.bluesky!.pathname).toBe("https://bsky.app/intent/compose");
    expect(byChannel.email!.protocol).toBe("mailto:");
  });

  it("tags every shared link with ?s=<channel>, which the campaign page reads back", () => {
    const shared: Record<string, string> = {
      whatsapp: byChannel.whatsapp!.searchParams.get("text")!.split(" ").at(-1)!,
      telegram: byChannel.telegram!.searchParams.get("url")!,
      x: byChannel.x!.searchParams.get("url")!,
      facebook: byChannel.facebook!.searchParams.get("u")!,
      bluesky: byChannel.bluesky!.searchParams.get("text")!.split(" ").at(-1)!,
      email: byChannel.email!.searchParams.get("body")!.split("\n").at(-1)!,
    };
    for (const { channel } of links) {
      expect(shared[channel], channel).toBe(`${campaignUrl}?s=${channel}`);
      expect(channelFromSearch(new URL(shared[channel]!).search)).toBe(channel);
    }
  });

  it("carries the text intact, encoded so that &, #, ?, % and = cannot break the link", () => {
    expect(byChannel.whatsapp!.searchParams.get("text")).toBe(`${text} ${campaignUrl}?s=whatsapp`);
    expect(byChannel.telegram!.searchParams.get("text")).toBe(text);
    expect(byChannel.x!.searchParams.get("text")).toBe(text);
    expect(byChannel.email!.searchParams.get("subject")).toBe(subject);
    expect(byChannel.email!.searchParams.get("body")).toBe(`${text}\n\n${campaignUrl}?s=email`);
    for (const { channel, href } of links) {
      const query = href.slice(href.indexOf("?") + 1);
      expect(query, channel).not.toMatch(/[ #&]{2}|[\s#]|وقّعوا/u);
      expect([...new URL(href).searchParams.keys()].every((key) => ["text", "url", "u", "subject", "body"].includes(key)), channel).toBe(true);
    }
  });
});

describe("mastodonShareLink", () => {
  it("sends the reader to their own server's share page, however they write its name", () => {
    for (const instance of ["mastodon.social", "https://mastodon.social/", " Mastodon.Social ", "@layla@mastodon.social"]) {
      const href = new URL(mastodonShareLink({ instance, campaignUrl, text })!);
      expect(href.origin + href.pathname, instance).toBe("https://mastodon.social/share");
      expect(href.searchParams.get("text")).toBe(`${text} ${campaignUrl}?s=mastodon`);
    }
  });

  it("refuses anything that is not a plain server name", () => {
    for (const instance of ["", "localhost", "evil.example/path?x=", "javascript:alert(1)", "a b.org", "user:pass@host.org:99"]) {
      expect(mastodonShareLink({ instance, campaignUrl, text }), instance).toBeNull();
    }
  });
});

describe("source tags", () => {
  it("accepts only the fixed list of channels", () => {
    expect(channelFromSearch("?s=whatsapp")).toBe("whatsapp");
    expect(channelFromSearch("?source=telegram")).toBe("telegram");
    expect(channelFromSearch("?s=spam-campaign")).toBeNull();
    expect(channelFromSearch("")).toBeNull();
    expect(isShareChannel("embed")).toBe(true);
    expect(isShareChannel("<script>")).toBe(false);
  });
});
