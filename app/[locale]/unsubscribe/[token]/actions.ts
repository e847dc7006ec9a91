"use server";

import { redirect } from "next/navigation";
import { readTokenForm } from "@/app/[locale]/token-form";
import { isAppError } from "@/lib/errors";
import { unsubscribeSupporter } from "@/lib/privacy/unsubscribe";

export async function unsubscribeAction(formData: FormData): Promise<void> {
  const { token, locale } = readTokenForm(formData);
  try {
    await unsubscribeSupporter({ token });
  } catch (error) {
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) redirect(`/${locale}/unsubscribe/${encodeURIComponent(token)}`);
    throw error;
  }
  redirect(`/${locale}/unsubscribe/done`);
}
