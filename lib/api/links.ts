import { env } from "../env";

// Absolute addresses, so that a response read anywhere still points at Nida.
export function apiUrl(path: string): string {
  return `${env.APP_URL}/api/v1${path}`;
}

export function pageLinks(path: string): { en: string; ar: string } {
  return { en: `${env.APP_URL}/en${path}`, ar: `${env.APP_URL}/ar${path}` };
}

export function campaignLinks(slug: string) {
  const encoded = encodeURIComponent(slug);
  return { self: apiUrl(`/campaigns/${encoded}`), html: pageLinks(`/campaigns/${encoded}`) };
}
