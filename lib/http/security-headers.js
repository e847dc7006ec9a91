// @ts-check
// The security headers of every response, in one place: next.config.js sends the static ones,
// proxy.ts the per-request policy of pages that carry a nonce. Plain JavaScript, because
// next.config.js loads it before anything is compiled.

import { localeCodes } from "../i18n/locale-codes.js";

// A path's first segment when it is one of the interface's languages (every language's pages are
// the same pages, with the same headers).
const anyLocale = localeCodes.join("|");

// Pages rendered per request that hold a secret link or personal data: the organisers' area and
// the pages opened from links in e-mails. They get a fresh script nonce on every request and are
// never stored by a cache.
export const noncePagePattern = new RegExp(`^/(?:${anyLocale})/(?:organiser|confirm|unsubscribe|erase)(?:/|$)`);

/**
 * A path as RFC 3986 compares paths: percent-encoded letters, digits and "-._~" decoded, other
 * percent-encodings in upper case, "." and ".." segments resolved. Headers are chosen by path, so
 * a page must be served under this form only (proxy.ts redirects any other): "/%65n/confirm/…"
 * is the page "/en/confirm/…" to Next.js's router, but not to a rule that looks at the path.
 * @param {string} path
 */
export function normalisedPath(path) {
  const decoded = path.replace(/%[0-9A-Fa-f]{2}/g, (encoded) => {
    const char = String.fromCharCode(parseInt(encoded.slice(1), 16));
    return /^[A-Za-z0-9._~-]$/.test(char) ? char : encoded.toUpperCase();
  });
  return new URL(`http://localhost${decoded}`).pathname;
}

// Where another site may frame Nida: the embeddable widget, and nothing else.
/** @internal exported for its tests */
export const embedPagePattern = new RegExp(`^/(?:(?:${anyLocale})/)?embed(?:/|$)`);

/**
 * The Content-Security-Policy of a page. With a nonce, only scripts carrying it run (and what
 * they load: 'strict-dynamic'). Without one, for pages served from a cache, Next.js's inline
 * bootstrap scripts need 'unsafe-inline' for scripts: a static page cannot carry a per-request
 * nonce. Styles allow inline because React renders style attributes. Nothing loads from another
 * site either way.
 * @param {{ nonce?: string; frameAncestors?: string; development?: boolean }} options
 */
export function contentSecurityPolicy({ nonce, frameAncestors = "'none'", development = false } = {}) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** @param {{ development?: boolean }} options */
function commonSecurityHeaders({ development = false } = {}) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "X-DNS-Prefetch-Control", value: "off" },
    // Browsers honour HSTS only over HTTPS, so a plain-HTTP install is unaffected; a local
    // development server never sends it.
    ...(development ? [] : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
  ];
}

const noStore = { key: "Cache-Control", value: "no-store" };

/**
 * The header rules for next.config.js. A later rule overrides an earlier one for the same key.
 * @param {{ development?: boolean }} options
 */
/** @internal exported for its tests */
export function securityHeaderRules({ development = false } = {}) {
  const staticPolicy = contentSecurityPolicy({ development });
  return [
    { source: "/:path*", headers: commonSecurityHeaders({ development }) },
    {
      // Everything but the nonce pages (proxy.ts sets theirs) and the embed.
      source: `/:path((?!(?:${anyLocale})/(?:organiser|confirm|unsubscribe|erase)(?:/|$)|(?:(?:${anyLocale})/)?embed(?:/|$)).*)`,
      headers: [
        { key: "Content-Security-Policy", value: staticPolicy },
        { key: "X-Frame-Options", value: "DENY" },
      ],
    },
    { source: "/embed/:path*", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ development, frameAncestors: "*" }) }] },
    { source: `/:locale(${anyLocale})/embed/:path*`, headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ development, frameAncestors: "*" }) }] },
    {
      // Links from e-mails are secrets: never cached, and only the origin is passed on as a
      // referrer (with no referrer at all, a plain form POST carries "Origin: null" and fails).
      source: `/:locale(${anyLocale})/:page(confirm|unsubscribe|erase)/:path*`,
      headers: [noStore, { key: "Referrer-Policy", value: "strict-origin" }, { key: "X-Robots-Tag", value: "noindex, nofollow" }],
    },
    {
      // The organiser area shows signers' personal data and carries sign-in links.
      source: `/:locale(${anyLocale})/organiser/:path*`,
      headers: [noStore, { key: "X-Robots-Tag", value: "noindex, nofollow" }],
    },
    // The public API and the live count set their own short public caching.
    { source: "/api/:path((?!v1/|v1$|campaigns/).*)", headers: [noStore] },
  ];
}
