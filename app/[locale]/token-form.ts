import { isLocale, type Locale } from "@/lib/i18n/locales";

// What the form of a TokenFormPanel posts back.
export function readTokenForm(formData: FormData): { token: string; locale: Locale } {
  const localeValue = formData.get("locale");
  return { token: String(formData.get("token") ?? ""), locale: isLocale(localeValue) ? localeValue : "en" };
}
