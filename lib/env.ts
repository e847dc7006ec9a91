import { z } from "zod";

// Every environment variable Nida reads is declared and validated here, once, at start-up.
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL");

const envSchema = z
  .object({
    NIDA_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Set by Next.js itself: "development" under `next dev`, where React needs eval.
    NODE_ENV: z.enum(["development", "test", "production"]).default("production"),
    // Set by Next.js in its server and build: code running there was compiled by its bundler.
    NEXT_RUNTIME: z.enum(["nodejs", "edge"]).optional(),
    // The primary (or PgBouncer in front of it; add ?pgbouncer=true for transaction pooling).
    DATABASE_URL: postgresUrl.optional(),
    // Reads that may lag by a moment (the open API, exports, organisers' charts) go here: a
    // streaming replica. Unset: they go to DATABASE_URL.
    READ_DATABASE_URL: postgresUrl.optional(),
    // The primary itself, not through a pooler: migrations hold a session-level lock, and backups
    // and moves use whole sessions. Unset: DATABASE_URL.
    DIRECT_DATABASE_URL: postgresUrl.optional(),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    LISTEN_HOST: z.string().min(1).default("0.0.0.0"),
    APP_URL: z.url().optional(),
    APP_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    // The key-encryption key that seals signers' personal data (32 random bytes in base64, as
    // `openssl rand -base64 32` gives), or a file holding it. Required in production; a local
    // install without one gets its own, kept beside the embedded database.
    DATA_KEY: z.string().refine(isDataKey, "must be 32 random bytes in base64: `openssl rand -base64 32`").optional(),
    DATA_KEY_FILE: z.string().min(1).optional(),
    // While rotating: the key-encryption key being replaced, which still opens the data keys not
    // yet re-wrapped (npm run keys:rotate re-wraps them all under DATA_KEY).
    DATA_KEY_PREVIOUS: z.string().refine(isDataKey, "must be 32 random bytes in base64").optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default("Nida <noreply@nida.example.org>"),
    CONFIRMATION_TTL_HOURS: z.coerce.number().int().positive().default(168),
    // How long the "write to your representatives" link given after confirming stays valid.
    LETTER_TOKEN_TTL_HOURS: z.coerce.number().int().positive().default(24),
    // Letters one signature may send through Nida in a UTC day, to different recipients.
    LETTERS_PER_SIGNATURE_PER_DAY: z.coerce.number().int().positive().max(1000).default(10),
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
    // How long a claimed message is held before another worker may take it again (its sender died).
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).default(120),
    // Requests per second to the mail provider, from this process (Resend allows 2 by default).
    MAIL_RATE_PER_SECOND: z.coerce.number().positive().default(2),
    // The signing secret of the provider's delivery-event webhook ("whsec_..."); unset refuses every event.
    RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
    // How often the digest job looks for digests that are due; each one is sent once per period whatever this is.
    DIGEST_JOB_INTERVAL_MS: z.coerce.number().int().positive().default(10 * 60_000),
    WEBHOOK_POLL_MS: z.coerce.number().int().positive().default(2000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // The signer feed lists events this many seconds old or more: a transaction still open when a
    // page is read commits its earlier-stamped events before they are due, so no cursor passes them.
    SIGNER_FEED_SETTLE_SECONDS: z.coerce.number().int().min(0).default(5),
    // How many reverse proxies in front of the app append to X-Forwarded-For; the signer's address
    // is the entry that many places from the right (0 or 1: the last one).
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // How often the trending check and the recount look for work; each claims its own period.
    ABUSE_JOBS_POLL_MS: z.coerce.number().int().positive().default(300_000),
    RECOUNT_PERIOD_MINUTES: z.coerce.number().int().positive().default(60),
    JOBS_ENABLED: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
    // Connections each app server keeps to PostgreSQL; all servers together must stay under the
    // database's max_connections.
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(20),
    // How long an app server keeps what signing needs to know of an open campaign (its owners'
    // rate limits, the access rules) before reading it again; changes made through this server
    // apply at once, those made through another within this time. 0 reads it for every signature.
    SIGNING_CACHE_MS: z.coerce.number().int().min(0).default(1_000),
    // How long a request waits for a connection (pool full or database unreachable) before it
    // is answered "try again shortly" rather than left hanging.
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // On SIGTERM the server answers its health check with 503 for this long while it still serves,
    // so a load balancer stops sending it requests before it closes; then it finishes what it has.
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    // The production server's V8 heap limit (--max-old-space-size), so that garbage is collected
    // before the process grows large; 0 leaves Node's own limit. An explicit NODE_OPTIONS wins. A
    // server that has answered every kind of page holds about 150 MB of live heap, most of it the
    // code of its routes: the limit leaves room above that for the requests in flight.
    SERVER_MAX_HEAP_MB: z.coerce.number().int().min(0).default(256),
    NODE_OPTIONS: z.string().optional(),
    // Serves the routes the benchmarks compare against (/api/bench/*); 404 otherwise.
    BENCH_ROUTES: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
  })
  .superRefine((value, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    // The embedded database is one process's: it has no replica and no pooler.
    for (const name of ["READ_DATABASE_URL", "DIRECT_DATABASE_URL"] as const) {
      if (value[name] && !value.DATABASE_URL) problem(name, "needs DATABASE_URL (the embedded database has no replica or pooler)");
    }
    if (value.DATABASE_URL && transactionPooled(value.DATABASE_URL) && !value.DIRECT_DATABASE_URL) {
      problem("DIRECT_DATABASE_URL", "is required with ?pgbouncer=true: migrations hold a session-level lock that transaction pooling cannot keep");
    }
    if (value.NIDA_ENV !== "production") return;
    if (!value.APP_SECRET) problem("APP_SECRET", "is required in production");
    else {
      const weakness = secretWeakness(value.APP_SECRET);
      if (weakness) problem("APP_SECRET", weakness);
    }
    if (!value.DATA_KEY && !value.DATA_KEY_FILE) problem("DATA_KEY", "or DATA_KEY_FILE is required in production: signers' personal data is sealed with it");
    if (!value.RESEND_API_KEY) problem("RESEND_API_KEY", "is required in production");
    // Links in e-mails (confirmation, one-click unsubscribe) must be HTTPS, and HSTS needs it.
    if (!value.APP_URL) problem("APP_URL", "is required in production");
    else if (!value.APP_URL.startsWith("https://")) problem("APP_URL", "must be an https:// address in production");
  });

// Every variable the schema reads (deploy/.env.example explains each).
/** @internal exported for its tests */
export const envVariableNames = Object.keys(envSchema.shape);

// 32 bytes in base64 or base64url, padded or not.
export function isDataKey(text: string): boolean {
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(text.trim()) && Buffer.from(text.trim(), "base64").length === 32;
}

// `?pgbouncer=true` on a PostgreSQL URL: a pooler in transaction mode is in between, so nothing may
// outlive a transaction on a connection (named prepared statements, session locks). The name is
// the one Prisma's own engines have long read.
export function transactionPooled(url: string): boolean {
  return new URL(url).searchParams.get("pgbouncer") === "true";
}

// A secret that keys IP hashes must not be guessable: long, varied, and not a placeholder left
// from an example. `openssl rand -base64 48` passes.
/** @internal exported for its tests */
export function secretWeakness(secret: string): string | null {
  if (secret.length < 32) return "must be at least 32 characters";
  if (/change|secret|example|password|placeholder|replace|default|xxxx|1234|abcd/i.test(secret)) return "looks like a placeholder: generate one with `openssl rand -base64 48`";
  if (new Set(secret).size < 12) return "is too repetitive: use at least 12 different characters";
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(secret)).length;
  if (classes < 2) return "must mix letters with digits or symbols";
  return null;
}

// APP_URL_FROM says whether this process was told its address (APP_URL, or PORT to derive it
// from) or fell back to the default port.
export type Env = Omit<z.infer<typeof envSchema>, "APP_URL"> & { APP_URL: string; APP_URL_FROM: "APP_URL" | "PORT" | "default" };

/** @internal exported for its tests */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, the way shells and .env files usually mean them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  // Links in e-mails point here; by default, the local server itself.
  const appUrl = (result.data.APP_URL ?? `http://localhost:${result.data.PORT}`).replace(/\/+$/, "");
  return { ...result.data, APP_URL: appUrl, APP_URL_FROM: result.data.APP_URL ? "APP_URL" : cleaned.PORT ? "PORT" : "default" };
}

export const env: Env = parseEnv(process.env);

// next-auth reads its base URL from NEXTAUTH_URL at request time; it must be the address Nida
// links to, so it is always derived from APP_URL rather than configured twice.
process.env.NEXTAUTH_URL = env.APP_URL;

// The environment a child tool (pg_dump, pg_restore) runs with: this process's, plus what it adds.
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
