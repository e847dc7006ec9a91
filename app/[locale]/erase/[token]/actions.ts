"use server";

import { redirect } from "next/navigation";
import { actOnToken } from "@/app/components/token-landing/act-on-token";
import { eraseSupporter } from "@/lib/privacy/erase-supporter";

export async function eraseAction(formData: FormData): Promise<void> {
  const { locale } = await actOnToken(formData, "erase", eraseSupporter);
  redirect(`/${locale}/erase/done`);
}
