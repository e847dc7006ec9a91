import { z } from "zod";

// Every environment variable Nida reads is declared and validated here, once, at start-up.
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL");

const envSchema = z
  .object({
    NIDA_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: postgresUrl.optional(),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    LISTEN_HOST: z.string().min(1).default("0.0.0.0"),
    APP_URL: z.url().optional(),
    APP_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default("Nida <noreply@nida.example.org>"),
    CONFIRMATION_TTL_HOURS: z.coerce.number().int().positive().default(168),
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
    JOBS_ENABLED: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
    // Connections each app server keeps to PostgreSQL; all servers together must stay under the
    // database's max_connections.
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(20),
    // How long a request waits for a connection (pool full or database unreachable) before it
    // is answered "try again shortly" rather than left hanging.
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // The production server's V8 heap limit (--max-old-space-size), so that garbage is collected
    // before the process grows large; 0 leaves Node's own limit. An explicit NODE_OPTIONS wins.
    SERVER_MAX_HEAP_MB: z.coerce.number().int().min(0).default(160),
    NODE_OPTIONS: z.string().optional(),
    // Serves the routes the benchmarks compare against (/api/bench/*); 404 otherwise.
    BENCH_ROUTES: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
  })
  .superRefine((value, ctx) => {
    if (value.NIDA_ENV !== "production") return;
    if (!value.APP_SECRET) ctx.addIssue({ code: "custom", path: ["APP_SECRET"], message: "is required in production" });
    if (!value.RESEND_API_KEY) ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "is required in production" });
  });

export type Env = Omit<z.infer<typeof envSchema>, "APP_URL"> & { APP_URL: string };

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
  return { ...result.data, APP_URL: appUrl };
}

export const env: Env = parseEnv(process.env);

// next-auth reads its base URL from NEXTAUTH_URL at request time; it must be the address Nida
// links to, so it is always derived from APP_URL rather than configured twice.
process.env.NEXTAUTH_URL = env.APP_URL;
