// @ts-check
import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaderRules } from "./lib/http/security-headers.js";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
export function nidaConfig(phase) {
  const development = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    poweredByHeader: false,
    // Server-only packages that load WebAssembly or native drivers at run time stay outside the bundle.
    serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
    experimental: {
      // The largest form is the campaign editor (two long Markdown bodies and up to 40 demands).
      serverActions: { bodySizeLimit: "512kb" },
      proxyClientMaxBodySize: "1mb",
    },
    async headers() {
      return securityHeaderRules({ development });
    },
  };
}

export default function config(/** @type {string} */ phase) {
  return withNextIntl(nidaConfig(phase));
}
