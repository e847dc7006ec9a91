// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

// No page may be framed by another site: none but the embed.
const noFraming = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];

// The embed (/embed/<locale>/<campaign>) exists to be framed by partners' sites, so it alone
// allows any ancestor and sends no X-Frame-Options.
const embedFraming = [{ key: "Content-Security-Policy", value: "frame-ancestors *" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server-only packages that load WebAssembly or native drivers at run time stay outside the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/:path((?!embed(?:/|$)).*)", headers: noFraming },
      { source: "/embed/:path*", headers: embedFraming },
      {
        // A confirmation link is a secret: never cached, and only the origin is ever passed on as a
        // referrer (with no referrer at all, a plain form POST carries "Origin: null" and fails).
        source: "/:locale/confirm/:token",
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "Referrer-Policy", value: "strict-origin" },
        ],
      },
      {
        // The organiser area shows signers' personal data and carries sign-in links: never kept
        // by a browser's or a proxy's cache, never indexed.
        source: "/:locale/organiser/:path*",
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
