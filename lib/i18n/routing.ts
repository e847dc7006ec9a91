import { defineRouting } from "next-intl/routing";
import { defaultLocale, locales } from "./locales";

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "always",
  // The locale lives in the URL; no cookie, so public pages stay cacheable and cookie-free.
  localeCookie: false,
});
