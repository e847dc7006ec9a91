import { disposableEmailBlocklistSet } from "disposable-email-domains-js";

let domains: Set<string> | undefined;

// The community-maintained list of throwaway-mailbox domains (updated with each release of the
// npm package). A subdomain of a listed domain is disposable too.
export function isDisposableDomain(domain: string): boolean {
  domains ??= disposableEmailBlocklistSet();
  const labels = domain.trim().toLowerCase().replace(/\.$/, "").split(".");
  for (let start = 0; start < labels.length - 1; start++) {
    if (domains.has(labels.slice(start).join("."))) return true;
  }
  return false;
}
