import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NoticePanel, TokenFormPanel } from "@/app/components/token-form-panel";
import { isAppError } from "@/lib/errors";
import { localized, type Locale } from "@/lib/i18n/locales";
import { describeConfirmation, type ConfirmationView } from "@/lib/signatures/confirm-signature";
import { confirmAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Confirm" });
  return { title: t("title"), robots: { index: false }, referrer: "strict-origin" };
}

// Opening the link only shows this page; the signature is confirmed by the button's POST.
export default async function ConfirmPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Confirm" });
  let view: ConfirmationView | null = null;
  let problem: "invalid" | "expired" | null = null;
  try {
    view = await describeConfirmation({ token });
  } catch (error) {
    if (isAppError(error, "TOKEN_EXPIRED")) problem = "expired";
    else if (isAppError(error, "TOKEN_INVALID")) problem = "invalid";
    else throw error;
  }

  if (!view) {
    return (
      <NoticePanel id="confirm-heading" heading={problem === "expired" ? t("expiredHeading") : t("invalidHeading")}>
        <p>{problem === "expired" ? t("expiredBody") : t("invalidBody")}</p>
        <p>
          <a href={`/${locale}`}>{t("campaigns")}</a>
        </p>
      </NoticePanel>
    );
  }

  return (
    <TokenFormPanel
      id="confirm-heading"
      heading={t("heading")}
      lede={t("body", { name: view.signerName, title: localized(locale, view.campaignTitle).text })}
      action={confirmAction}
      token={token}
      locale={locale}
      button={t("button")}
    />
  );
}
