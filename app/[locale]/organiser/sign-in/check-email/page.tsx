import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { organiserPageMetadata } from "../../page-access";
import { SuccessPanel } from "@/app/components/success-panel";

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = organiserPageMetadata("OrganiserAuth", "checkEmailTitle");

// The same page for every address, member or not: it must not tell who is a member.
export default async function CheckEmailPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "OrganiserAuth" });
  return (
    <SuccessPanel id="check-email-heading" heading={t("checkEmailHeading")} lede={t("checkEmailBody")}>
      <p>{t("checkEmailSpam")}</p>
      <p>
        <a href={`/${locale}/organiser/sign-in`}>{t("askAgain")}</a>
      </p>
    </SuccessPanel>
  );
}
