import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

// Sends "/" and any path without a locale to /en/... or /ar/... from the browser's Accept-Language.
// The embed (/embed/<locale>/...) carries its locale after "embed" and is left alone.
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|dev|embed|_next|_vercel|.*\\..*).*)"],
};
