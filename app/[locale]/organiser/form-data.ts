import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";

// A form's text field; "" when it is missing or a file.
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

// The locale a form was posted from (its hidden "locale" field), English when that is not one of ours.
export function formLocale(formData: FormData): Locale {
  const value = formData.get("locale");
  return isLocale(value) ? value : "en";
}

export type FormRefusal = "forbidden" | "generic";

// Why a change was refused, as a form says it: not allowed (a thing the actor cannot see is not
// told apart from one that is gone), or something unforeseen, which is logged.
export function formRefusal(error: unknown, area: string): FormRefusal {
  if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND")) return "forbidden";
  console.error(`[${area}] change failed:`, error instanceof Error ? error.message : error);
  return "generic";
}

// A refused change as form state: per-field message keys for invalid input, else formRefusal.
export function refusedForm<Fields extends object>(error: unknown, area: string): { fields: Fields; formError?: FormRefusal } {
  if (isAppError(error, "VALIDATION")) return { fields: error.fields as Fields };
  return { fields: {} as Fields, formError: formRefusal(error, area) };
}

// A page's ?error= after a button's change was refused, as the page's notice names it.
export function isFormRefusal(value: unknown): value is FormRefusal {
  return value === "forbidden" || value === "generic";
}
