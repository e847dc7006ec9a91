import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NoticePanel, TokenFormPanel } from "@/app/components/token-form-panel";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { describeErasure, type ErasureView } from "@/lib/privacy/erase-supporter";
import { eraseAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Erase" });
  return { title: t("title"), robots: { index: false }, referrer: "strict-origin" };
}

// Opening the link only shows this page (a mail scanner that follows it erases nothing); the
// button's POST erases at once.
export default async function ErasePage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Erase" });
  let view: ErasureView | null = null;
  try {
    view = await describeErasure({ token });
  } catch (error) {
    if (!isAppError(error, "TOKEN_INVALID") && !isAppError(error, "TOKEN_EXPIRED")) throw error;
  }

  if (!view) {
    return (
      <NoticePanel id="erase-heading" heading={t("invalidHeading")}>
        <p>{t("invalidBody")}</p>
      </NoticePanel>
    );
  }
  return (
    <TokenFormPanel
      id="erase-heading"
      heading={t("heading")}
      lede={t("body", { count: view.signatures })}
      action={eraseAction}
      token={token}
      locale={locale}
      button={t("button")}
    />
  );
}
