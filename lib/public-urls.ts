import { env } from "./env";
import { locales, type Locale } from "./i18n/locales";

// Every address Nida gives the public, built here and nowhere else: pages, the links in e-mails
// and share buttons, and the API's links. `publicPath` gives paths for links within our own
// pages; `publicUrl` gives the same addresses in full, from APP_URL, for anything read elsewhere.

const part = encodeURIComponent;

export const publicPath = {
  home: (locale: Locale) => `/${locale}`,
  privacy: (locale: Locale) => `/${locale}/privacy`,
  campaign: (locale: Locale, slug: string) => `/${locale}/campaigns/${part(slug)}`,
  // Where the sign form lands once a signature is taken, and after confirming it.
  signed: (locale: Locale, slug: string) => `${publicPath.campaign(locale, slug)}/signed`,
  thanks: (locale: Locale, slug: string) => `${publicPath.campaign(locale, slug)}/thanks`,
  // The campaign page's record of who received the petition and who answered.
  deliveryRecord: (locale: Locale, slug: string) => `${publicPath.campaign(locale, slug)}#addressees-heading`,
  letter: (locale: Locale, slug: string) => `${publicPath.campaign(locale, slug)}/write`,
  shareImage: (locale: Locale, slug: string) => `${publicPath.campaign(locale, slug)}/share-image`,
  embed: (locale: Locale, slug: string) => `/embed/${locale}/${part(slug)}`,
  embedSigned: (locale: Locale, slug: string) => `${publicPath.embed(locale, slug)}/signed`,
  statement: (locale: Locale, slug: string) => `/${locale}/statements/${part(slug)}`,
  confirm: (locale: Locale, token: string) => `/${locale}/confirm/${part(token)}`,
  unsubscribe: (locale: Locale, token: string) => `/${locale}/unsubscribe/${part(token)}`,
  erase: (locale: Locale, token: string) => `/${locale}/erase/${part(token)}`,
  // An organisation's logo, named by its content's SHA-256: what is at an address never changes.
  organisationLogo: (sha256: string) => `/media/org-logos/${part(sha256)}.webp`,
  // A campaign's map of signatures by country, named by the count it shows so that caches keep it until that changes.
  campaignMap: (slug: string, confirmed: number) => `/media/maps/${part(slug)}.svg?v=${confirmed}`,
  // What a mail provider POSTs to for one-click unsubscribe (RFC 8058).
  oneClickUnsubscribe: (token: string) => `/api/unsubscribe/${part(token)}`,
} as const;

type Paths = typeof publicPath;

export const publicUrl = Object.fromEntries(
  Object.entries(publicPath).map(([name, path]) => [name, (...args: never[]) => `${env.APP_URL}${(path as (...args: never[]) => string)(...args)}`]),
) as { [Name in keyof Paths]: Paths[Name] };

// A page in each of the interface's languages (the API's links, the pages' alternates).
export function inEveryLocale(url: (locale: Locale) => string): Record<Locale, string> {
  return Object.fromEntries(locales.map((locale) => [locale, url(locale)])) as Record<Locale, string>;
}

export const apiUrl = {
  root: () => `${env.APP_URL}/api/v1`,
  campaign: (slug: string) => `${apiUrl.root()}/campaigns/${part(slug)}`,
  counts: (slug: string) => `${apiUrl.campaign(slug)}/counts`,
  deliveries: (slug: string) => `${apiUrl.campaign(slug)}/deliveries`,
} as const;
