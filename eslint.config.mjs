import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".next/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // The environment is read in one place only.
    files: ["app/**", "lib/**", "emails/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration from lib/env.ts." }],
    },
  },
  {
    // The domain is plain TypeScript, callable from scripts, jobs and tests: it knows nothing of
    // Next.js or of the pages. Only the adapters to next-auth and next-intl import them.
    files: ["lib/**"],
    ignores: ["lib/auth/options.ts", "lib/auth/session.ts", "lib/i18n/request.ts", "lib/i18n/routing.ts", "lib/i18n/translator.ts", "lib/i18n/format.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "next-auth", "next-auth/*", "next-intl", "next-intl/*"], message: "lib/ is plain TypeScript: keep Next.js in app/ (or in the auth and i18n adapters)." },
            { group: ["@/app", "@/app/*", "**/app", "**/app/*"], message: "lib/ must not depend on app/." },
          ],
        },
      ],
    },
  },
  {
    // Pages and handlers ask the domain; they never query the database themselves.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "**/lib/db"], message: "app/ calls a function in lib/; only lib/ uses the database." },
            { group: ["@/lib/generated/prisma/client", "**/lib/generated/prisma/client"], allowTypeImports: true, message: "app/ calls a function in lib/; only lib/ uses the database." },
          ],
        },
      ],
    },
  },
];

export default config;
