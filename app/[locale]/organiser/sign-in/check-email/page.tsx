import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { organiserPageMetadata } from "../../page-access";

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = organiserPageMetadata("OrganiserAuth", "checkEmailTitle");

// The same page for every address, member or not: it must not tell who is a member.
export default async function CheckEmailPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "OrganiserAuth" });
  return (
    <section className="panel panel-success" aria-labelledby="check-email-heading">
      <h1 id="check-email-heading">{t("checkEmailHeading")}</h1>
      <p className="lede">{t("checkEmailBody")}</p>
      <p>{t("checkEmailSpam")}</p>
      <p>
        <a href={`/${locale}/organiser/sign-in`}>{t("askAgain")}</a>
      </p>
    </section>
  );
}
