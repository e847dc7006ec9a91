"use server";

import { redirect } from "next/navigation";
import { readTokenForm } from "@/app/[locale]/token-form";
import { isAppError } from "@/lib/errors";
import { eraseSupporter } from "@/lib/privacy/erase-supporter";

export async function eraseAction(formData: FormData): Promise<void> {
  const { token, locale } = readTokenForm(formData);
  try {
    await eraseSupporter({ token });
  } catch (error) {
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) redirect(`/${locale}/erase/${encodeURIComponent(token)}`);
    throw error;
  }
  redirect(`/${locale}/erase/done`);
}
