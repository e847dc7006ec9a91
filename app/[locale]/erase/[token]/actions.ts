"use server";

import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { eraseSupporter } from "@/lib/privacy/erase-supporter";

export async function eraseAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  try {
    await eraseSupporter({ token });
  } catch (error) {
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) redirect(`/${locale}/erase/${encodeURIComponent(token)}`);
    throw error;
  }
  redirect(`/${locale}/erase/done`);
}
