// @ts-check
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { maxRequestBodyBytes, pageBodyMaxBytes } from "./lib/http/front-door.js";
import { securityHeaderRules } from "./lib/http/security-headers.js";

/**
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
export function nidaConfig(phase) {
  const development = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    poweredByHeader: false,
    // The build checks the types of what it builds; tests and benchmarks are checked by
    // `npm run typecheck`, so a server install without dev dependencies still builds.
    typescript: { tsconfigPath: "tsconfig.build.json" },
    // Next.js would hash every page it serves, on every request, for an ETag. Campaign pages change
    // every few seconds (count, form token), so a 304 is rare; the hash cost every reader CPU time
    // in proportion to the page's size. Caches go by Cache-Control (s-maxage) instead.
    generateEtags: false,
    // Server-only packages stay outside the bundle: those that load WebAssembly or native drivers at
    // run time, and the large ones several routes use (fonts, PDF, QR codes). Bundled, each route's
    // chunks carry its own copy, and a server that has answered every route holds every copy: the
    // font and PDF libraries alone would be loaded three times into the heap.
    serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "sodium-native", "pdfkit", "fontkit", "qrcode", "bidi-js"],
    experimental: {
      // proxy.ts answers 413 to a page's body over its limit (Next.js alone answers 500); the
      // copy it reads is cut off after the largest body any route reads.
      serverActions: { bodySizeLimit: pageBodyMaxBytes },
      proxyClientMaxBodySize: maxRequestBodyBytes,
      // Pages rendered at run time (campaign pages, every few seconds) stay in the server's own
      // memory instead of being written into .next. They carry APP_URL (canonical and share
      // links) and the figures of the server's database, so a page rendered by another server
      // started from the same build (the test and benchmark runs start several, each with its
      // own address and database) or by an earlier start must never be served.
      isrFlushToDisk: false,
    },
    async headers() {
      return securityHeaderRules({ development });
    },
  };
}

// next-intl's plugin tells the bundler where the request configuration is: it matters to builds
// and the development server only. The production server skips it, and with it the compiler and
// file watcher it loads (about 10 MB of the server's memory).
export default async function config(/** @type {string} */ phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nidaConfig(phase);
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nidaConfig(phase));
}
