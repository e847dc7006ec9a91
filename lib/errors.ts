// One error type for everything a user may be told about. Codes map to an HTTP status and a
// translated message in one place; the raw message is for logs only.
export const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CAMPAIGN_NOT_OPEN: 409,
  TOKEN_INVALID: 404,
  TOKEN_EXPIRED: 410,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  // Per-field message keys, for VALIDATION.
  readonly fields: Record<string, string>;

  constructor(code: ErrorCode, options: { detail?: string; fields?: Record<string, string> } = {}) {
    super(options.detail ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields ?? {};
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
