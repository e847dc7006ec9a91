import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress, isPrivateHost } from "../../../lib/webhooks/endpoint-url";
import { postWebhook } from "../../../lib/webhooks/post-webhook";
import { startWebhookReceiver } from "../../fixtures/webhook-receiver";
import { createEndpointSchema, urlSyntaxProblem } from "../../../lib/webhooks/schema";

describe("webhook endpoint addresses", () => {
  it("accepts http and https addresses only, without credentials", () => {
    expect(urlSyntaxProblem("https://example.org/hook")).toBeNull();
    expect(urlSyntaxProblem("http://example.org:8080/hook?x=1")).toBeNull();
    expect(urlSyntaxProblem("")).toBe("urlRequired");
    expect(urlSyntaxProblem("example.org/hook")).toBe("urlInvalid");
    expect(urlSyntaxProblem("ftp://example.org/hook")).toBe("urlScheme");
    expect(urlSyntaxProblem("javascript:alert(1)")).toBe("urlScheme");
    expect(urlSyntaxProblem("https://me:secret@example.org/hook")).toBe("urlInvalid");
    expect(createEndpointSchema.safeParse({ url: " https://example.org/hook ", events: ["milestone.reached"], includePersonalData: false }).data?.url).toBe("https://example.org/hook");
  });

  it("knows loopback, private, link-local and mapped addresses from public ones", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.5", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "[::1]"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "example.org"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("knows an IPv4 address inside an IPv6 one: compatible, mapped, translated, NAT64 and 6to4", () => {
    const hidden = {
      "::7f00:1": "IPv4-compatible loopback",
      "::127.0.0.1": "IPv4-compatible loopback, dotted",
      "::a00:1": "IPv4-compatible 10.0.0.1",
      "::ffff:0:7f00:1": "IPv4-translated loopback",
      "::ffff:0:a9fe:a9fe": "IPv4-translated metadata service",
      "::ffff:127.0.0.1": "IPv4-mapped loopback, dotted",
      "::ffff:7f00:1": "IPv4-mapped loopback",
      "::ffff:c0a8:101": "IPv4-mapped 192.168.1.1",
      "64:ff9b::7f00:1": "NAT64 of loopback",
      "64:ff9b::10.0.0.1": "NAT64 of 10.0.0.1",
      "64:ff9b::a9fe:a9fe": "NAT64 of the metadata service",
      "64:ff9b:1::808:808": "NAT64 prefix for a network's own use",
      "2002:7f00:1::": "6to4 of loopback",
      "2002:a00:1::1": "6to4 of 10.0.0.1",
      "2002:c0a8:101::1": "6to4 of 192.168.1.1",
      "fec0::1": "site-local",
      "fec0:1:2::3": "site-local",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2": "Teredo",
      "[::ffff:7f00:1]": "bracketed, as a URL's host is",
    };
    for (const [address, what] of Object.entries(hidden)) expect(isPrivateAddress(address), `${address} (${what})`).toBe(true);
    // The same forms around a public address reach a public address.
    for (const address of ["::ffff:808:808", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "::808:808"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses hosts that name the machine itself or a private network", () => {
    for (const url of [
      "http://localhost:3000/hook",
      "http://api.localhost/hook",
      "http://metadata.google.internal/",
      "http://127.0.0.1/hook",
      "http://[::1]:8080/hook",
      "http://10.0.0.8/hook",
      "http://[::127.0.0.1]/hook",
      "http://[::ffff:0:7f00:1]/hook",
      "http://[64:ff9b::7f00:1]/hook",
      "http://[2002:a9fe:a9fe::]/hook",
      "http://[fec0::1]/hook",
      "http://2130706433/hook",
      "http://0x7f.1/hook",
    ]) {
      expect(isPrivateHost(url), url).toBe(true);
    }
    expect(isPrivateHost("https://hooks.example.org/nida")).toBe(false);
  });
});

describe("a delivery to a literal address", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.stop());

  it("is refused before connecting when the address is the machine's own, however it is written", async () => {
    const port = new URL(receiver.url).port;
    for (const host of ["127.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[::ffff:0:7f00:1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]"]) {
      const outcome = await postWebhook({ url: `http://${host}:${port}/nida-events`, body: "{}", headers: {}, timeoutMs: 5_000, allowPrivate: false });
      expect(outcome, host).toEqual({ ok: false, status: null, error: "private address refused" });
    }
    expect(receiver.received).toEqual([]);
  });
});
