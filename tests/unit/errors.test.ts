import { describe, expect, it } from "vitest";
import { errorResponse } from "../../lib/error-answers";
import { AppError, isDatabaseUnavailable, toAppError } from "../../lib/errors";

describe("an unreachable database", () => {
  it("is recognised however deeply the driver wrapped it", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: { code: "57P01", message: "terminating connection due to administrator command" } }))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P1001", message: "Can't reach database server at 127.0.0.1:5432" })).toBe(true);
    expect(isDatabaseUnavailable({ name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { kind: "DatabaseNotReachable" } } })).toBe(true);
  });

  it("is not confused with a wrong query or a broken rule", () => {
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("column does not exist", { cause: { code: "42703" } }))).toBe(false);
    expect(isDatabaseUnavailable("timeout")).toBe(false);
  });

  it("becomes UNAVAILABLE: 503 with Retry-After, and no raw message in the body", async () => {
    const mapped = toAppError(new Error("Connection terminated unexpectedly"));
    expect(mapped?.code).toBe("UNAVAILABLE");
    const response = errorResponse(mapped!);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: "UNAVAILABLE" });
  });

  it("leaves AppErrors as they are and other errors unmapped", () => {
    const notFound = new AppError("NOT_FOUND");
    expect(toAppError(notFound)).toBe(notFound);
    expect(toAppError(new TypeError("x is undefined"))).toBeNull();
    expect(errorResponse(new AppError("VALIDATION", { fields: { email: "emailInvalid" } })).headers.get("Retry-After")).toBeNull();
  });
});
