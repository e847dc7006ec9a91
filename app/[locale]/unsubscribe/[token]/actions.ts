"use server";

import { redirect } from "next/navigation";
import { actOnToken } from "@/app/components/token-landing/act-on-token";
import { unsubscribeSupporter } from "@/lib/privacy/unsubscribe";

export async function unsubscribeAction(formData: FormData): Promise<void> {
  const { locale } = await actOnToken(formData, "unsubscribe", unsubscribeSupporter);
  redirect(`/${locale}/unsubscribe/done`);
}
