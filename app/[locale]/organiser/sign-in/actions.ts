"use server";

// Signing in and out are for visitors without a session (or about to lose it), so these two
// actions are the organiser area's only ones that do not start with requireOrganiser.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/options";
import { endSession } from "@/lib/auth/session";
import { requestSignInLink } from "@/lib/auth/sign-in";
import { formState } from "@/lib/error-answers";
import { isLocale } from "@/lib/i18n/locales";

export type SignInErrorKey = "emailRequired" | "emailInvalid";
export type SignInFormState = { fields: { email?: SignInErrorKey }; formError?: "generic"; values: { email: string } };

export async function requestSignInAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  const email = formData.get("email");
  const next = formData.get("next");
  const values = { email: typeof email === "string" ? email : "" };
  try {
    await requestSignInLink({ email, locale, next: typeof next === "string" ? next : null, headers: await headers(), afterResponse: after });
  } catch (error) {
    const refused = formState(error, "sign-in");
    if (refused.formError) return { fields: {}, formError: refused.formError, values };
    return { fields: { email: refused.fields.email === "emailRequired" ? "emailRequired" : "emailInvalid" }, values };
  }
  // The same page whether or not the address belongs to a member.
  redirect(`/${locale}/organiser/sign-in/check-email`);
}

export async function signOutAction(formData: FormData): Promise<void> {
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  const store = await cookies();
  await endSession(store.get(sessionCookieName)?.value);
  store.set(sessionCookieName, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: useSecureCookies });
  redirect(`/${locale}/organiser/sign-in?signedOut=1`);
}
