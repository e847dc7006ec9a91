import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
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
      <section className="panel" aria-labelledby="unsubscribe-heading">
        <h1 id="unsubscribe-heading">{t("invalidHeading")}</h1>
        <p>{t("invalidBody")}</p>
      </section>
    );
  }
  if (view.alreadyUnsubscribed) {
    return (
      <section className="panel" aria-labelledby="unsubscribe-heading">
        <h1 id="unsubscribe-heading">{t("alreadyHeading")}</h1>
        <p>{t("alreadyBody")}</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="unsubscribe-heading">
      <h1 id="unsubscribe-heading">{t("heading")}</h1>
      <p className="lede">{t("body")}</p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button button-large">
          {t("button")}
        </button>
      </form>
    </section>
  );
}
