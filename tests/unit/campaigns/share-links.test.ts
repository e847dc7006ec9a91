import { describe, expect, it } from "vitest";
import { channelFromSearch, isShareChannel } from "../../../lib/campaigns/share-channels";
import { mastodonHost, mastodonShareLink, shareLinks } from "../../../lib/campaigns/share-links";

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

describe("the Mastodon server a reader names", () => {
  it("sends the reader to their own server's share page, with the text and the tagged link", () => {
    for (const instance of ["mastodon.social", " Mastodon.Social ", "ｍａｓｔｏｄｏｎ.social"]) {
      const host = mastodonHost(instance);
      expect(host, instance).toEqual({ ok: true, host: "mastodon.social" });
      const href = new URL(mastodonShareLink({ host: "mastodon.social", campaignUrl, text }));
      expect(href.origin + href.pathname).toBe("https://mastodon.social/share");
      expect([...href.searchParams.keys()]).toEqual(["text"]);
      expect(href.searchParams.get("text")).toBe(`${text} ${campaignUrl}?s=mastodon`);
    }
  });

  it("takes internationalised names and gives the host the browser will really reach", () => {
    expect(mastodonHost("mastodon.рф")).toEqual({ ok: true, host: "mastodon.xn--p1ai" });
    expect(mastodonHost("ماستودون.مصر")).toEqual({ ok: true, host: "xn--mgbgpo2gkmb.xn--wgbh1c" });
    expect(mastodonHost("social.coop")).toEqual({ ok: true, host: "social.coop" });
  });

  it("refuses a scheme, a path, a port, a query or a fragment, saying to type the name alone", () => {
    for (const instance of ["https://mastodon.social/", "http://mastodon.social", "mastodon.social/share", "evil.example.org/@x", "mastodon.social:443", "mastodon.social?x=1", "mastodon.social#x", "javascript:alert(1)", "mastodon.social\\evil.org", "[::1]", "user:pass@host.org"]) {
      expect(mastodonHost(instance), instance).toEqual({ ok: false, error: "address" });
    }
  });

  it("refuses a handle or anything with a user part, which could dress one server up as another", () => {
    for (const instance of ["a@b", "@layla@mastodon.social", "mastodon.social@evil.org", "layla@mastodon.social"]) {
      expect(mastodonHost(instance), instance).toEqual({ ok: false, error: "handle" });
    }
  });

  it("refuses IP addresses in any spelling, local and reserved names, and what is not a host name", () => {
    for (const instance of ["1.2.3.4", "127.1", "0x7f.0.0.1", "2130706433", "localhost", "nida.localhost", "printer.local", "db.internal", "1.0.0.127.in-addr.arpa", "mastodon.test", "x.example", "x.invalid", "mastodon.social.", "a b.org", "exa_mple.org", "-x.org", "x..org", "x.y", "mastodon.social%2fevil.org", "mastodon.social\u0000", "x".repeat(250) + ".org"]) {
      expect(mastodonHost(instance), instance).toEqual({ ok: false, error: "invalid" });
    }
    expect(mastodonHost("   ")).toEqual({ ok: false, error: "required" });
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
