import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";

// The POST of a TokenLanding's button: hands the token its form carries to the one domain function
// the link is for. A link that is used, unknown or expired goes back to its page, which says which.
export async function actOnToken<Result>(
  formData: FormData,
  segment: string,
  act: (options: { token: string }) => Promise<Result>,
): Promise<{ result: Result; locale: Locale }> {
  const token = String(formData.get("token") ?? "");
  const localeValue = formData.get("locale");
  const locale: Locale = isLocale(localeValue) ? localeValue : "en";
  try {
    return { result: await act({ token }), locale };
  } catch (error) {
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) redirect(`/${locale}/${segment}/${encodeURIComponent(token)}`);
    throw error;
  }
}
