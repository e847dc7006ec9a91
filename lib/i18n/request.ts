import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale } from "./locales";
import { messages, reportIntlError } from "./translator";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return { locale, messages: messages[locale], timeZone: "UTC", onError: reportIntlError };
});
