import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { organiserPath } from "@/lib/auth/verification";
import type { Locale } from "@/lib/i18n/locales";
import { SignInForm } from "./sign-in-form";
import { organiserPageMetadata } from "../page-access";
import { Notice } from "../notice";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("OrganiserAuth", "signInTitle");

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const next = single(query.next);
  // Already signed in: straight on.
  if (await getActor()) redirect(organiserPath(locale, next));
  const t = await getTranslations({ locale, namespace: "OrganiserAuth" });
  // next-auth sends failed links here with ?error=…; whatever the reason, the advice is the same.
  const linkProblem = single(query.error) !== null;
  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t("signInHeading")}</h1>
      {query.signedOut ? <Notice tone="success">{t("signedOut")}</Notice> : null}
      {linkProblem ? <p className="notice notice-problem">{t("linkProblem")}</p> : null}
      <p className="lede">{t("signInIntro")}</p>
      <SignInForm locale={locale} next={next && organiserPath(locale, next) === next ? next : null} />
    </section>
  );
}
