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

// How organiser forms name a refusal: not allowed, and a thing the actor cannot see is not told
// apart from one that is gone. Anything else is "generic" (formState logs it).
export const organiserRefusals = { FORBIDDEN: "forbidden", NOT_FOUND: "forbidden" } as const;

// A page's ?error= after a button's change was refused, as the page's notice names it.
export function isFormRefusal(value: unknown): value is FormRefusal {
  return value === "forbidden" || value === "generic";
}
