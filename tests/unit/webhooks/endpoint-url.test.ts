import { describe, expect, it } from "vitest";
import { isPrivateAddress, isPrivateHost } from "../../../lib/webhooks/endpoint-url";
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

  it("refuses hosts that name the machine itself or a private network", () => {
    for (const url of ["http://localhost:3000/hook", "http://api.localhost/hook", "http://metadata.google.internal/", "http://127.0.0.1/hook", "http://[::1]:8080/hook", "http://10.0.0.8/hook"]) {
      expect(isPrivateHost(url), url).toBe(true);
    }
    expect(isPrivateHost("https://hooks.example.org/nida")).toBe(false);
  });
});
