import type { z } from "zod";
import { AppError } from "../errors";

// A query string through its schema; each bad parameter is named in a VALIDATION error.
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "query");
    fields[field] ??= "invalid";
  }
  throw new AppError("VALIDATION", { fields });
}
