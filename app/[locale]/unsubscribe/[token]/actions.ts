"use server";

import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { unsubscribeSupporter } from "@/lib/privacy/unsubscribe";

export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  try {
    await unsubscribeSupporter({ token });
  } catch (error) {
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) redirect(`/${locale}/unsubscribe/${encodeURIComponent(token)}`);
    throw error;
  }
  redirect(`/${locale}/unsubscribe/done`);
}
