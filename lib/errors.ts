// One error type for everything a user may be told about. Each code has an HTTP status here;
// lib/error-answers.ts turns an error into a response, a form state or a sentence. The raw
// message is for logs only.
const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CAMPAIGN_NOT_OPEN: 409,
  TOKEN_INVALID: 404,
  TOKEN_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  // Per-field message keys, for VALIDATION.
  readonly fields: Record<string, string>;
  // Seconds to wait, where the refusal knows better than its code's usual Retry-After.
  readonly retryAfter?: number;

  constructor(code: ErrorCode, options: { detail?: string; fields?: Record<string, string>; retryAfter?: number } = {}) {
    super(options.detail ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields ?? {};
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

// Prisma reports a unique-constraint violation as P2002.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

// How long a client should wait before trying again, for the codes that mean "not now".
const retryAfterSeconds: Partial<Record<ErrorCode, number>> = { UNAVAILABLE: 5, RATE_LIMITED: 60 };

// PostgreSQL codes that mean the server is not there right now (shutting down, starting up,
// connection lost or refused, too many connections), not that the request was wrong.
const unreachableSqlStates = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "53300"]);
// Prisma's codes for the same: cannot reach, timed out, connection closed, pool timeout, no
// connection for a transaction in time, too many connections.
const unreachablePrismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037"]);
const unreachableKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseAccessDenied"]);
const unreachableNodeCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const unreachableMessages = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|Unable to start a transaction in the given time|connect ECONNREFUSED/i;

// Whether an error says the database could not be reached (rather than that the query was wrong).
// Prisma, its driver adapters and `pg` each wrap the cause differently, so every layer is looked at.
/** @internal exported for its tests */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const record = current as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    for (const code of [record.code, record.originalCode]) {
      if (typeof code !== "string") continue;
      if (unreachableSqlStates.has(code) || unreachablePrismaCodes.has(code) || unreachableNodeCodes.has(code)) return true;
    }
    if (typeof record.kind === "string" && unreachableKinds.has(record.kind)) return true;
    if (typeof record.message === "string" && unreachableMessages.test(record.message)) return true;
    current = record.cause ?? (record.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  }
  return false;
}

// Any error as what a user may be told: an AppError as it is, an unreachable database as
// UNAVAILABLE, anything else as null (a defect: log it and answer generically).
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError("UNAVAILABLE", { detail: error instanceof Error ? error.message : String(error) });
  return null;
}

// The headers that go with an error's status: Retry-After for the codes that mean "not now".
export function errorHeaders(code: ErrorCode, retryAfter?: number): Record<string, string> {
  const seconds = retryAfter ?? retryAfterSeconds[code];
  return { "Cache-Control": "no-store", ...(seconds ? { "Retry-After": String(seconds) } : {}) };
}
