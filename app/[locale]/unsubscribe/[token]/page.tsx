import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NoticePanel, TokenFormPanel } from "@/app/components/token-form-panel";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { describeUnsubscribe, type UnsubscribeView } from "@/lib/privacy/unsubscribe";
import { unsubscribeAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Unsubscribe" });
  return { title: t("title"), robots: { index: false }, referrer: "strict-origin" };
}

// Opening the link only shows this page; consent is withdrawn by the button's POST.
export default async function UnsubscribePage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Unsubscribe" });
  let view: UnsubscribeView | null = null;
  try {
    view = await describeUnsubscribe({ token });
  } catch (error) {
    if (!isAppError(error, "TOKEN_INVALID") && !isAppError(error, "TOKEN_EXPIRED")) throw error;
  }

  if (!view) {
    return (
      <NoticePanel id="unsubscribe-heading" heading={t("invalidHeading")}>
        <p>{t("invalidBody")}</p>
      </NoticePanel>
    );
  }
  if (view.alreadyUnsubscribed) {
    return (
      <NoticePanel id="unsubscribe-heading" heading={t("alreadyHeading")}>
        <p>{t("alreadyBody")}</p>
      </NoticePanel>
    );
  }
  return (
    <TokenFormPanel
      id="unsubscribe-heading"
      heading={t("heading")}
      lede={t("body")}
      action={unsubscribeAction}
      token={token}
      locale={locale}
      button={t("button")}
    />
  );
}
