import type { Metadata } from "next";
import type { TranslationValues } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SuccessPanel } from "@/app/components/success-panel";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

// A page reached from a link in an e-mail that carries a single-use token, at
// /<locale>/<segment>/<token>, and its /<locale>/<segment>/done page. Opening the link changes
// nothing (mail scanners open links): the page says what its button will do, and only the
// button's POST does it. Its texts come from one messages namespace:
//   title, heading, body, button      what the link will do, and its button
//   invalidHeading, invalidBody       a link that is unknown, used, or (without `tellsExpired`) expired
//   expiredHeading, expiredBody       an expired link, with `tellsExpired`
//   alreadyHeading, alreadyBody       what the link would do is done already, with `alreadyDone`
//   campaigns                         the link home under those notices, with `linkHome`
//   doneHeading, doneBody             the done page

export type TokenPageProps = { params: Promise<{ locale: Locale; token: string }> };
export type DonePageProps = { params: Promise<{ locale: Locale }> };

// The token stays out of the Referer header of whatever the page links to, and out of search engines.
export function tokenPageMetadata(namespace: string) {
  return async function generateMetadata({ params }: TokenPageProps): Promise<Metadata> {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return { title: t("title"), robots: { index: false }, referrer: "strict-origin" };
  };
}

export function donePageMetadata(namespace: string) {
  return async function generateMetadata({ params }: DonePageProps): Promise<Metadata> {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return { title: t("title"), robots: { index: false } };
  };
}

type TokenLandingProps<View> = TokenPageProps & {
  segment: string;
  namespace: string;
  // The domain's reading of what the link will do; it throws TOKEN_INVALID or TOKEN_EXPIRED for a link that does nothing.
  describe: (options: { token: string }) => Promise<View>;
  // The values the `body` text takes from that reading.
  body?: (view: View, locale: Locale) => TranslationValues;
  // A server action that reads its form with `actOnToken`.
  action: (formData: FormData) => Promise<void>;
  alreadyDone?: (view: View) => boolean;
  tellsExpired?: boolean;
  linkHome?: boolean;
};

export async function TokenLanding<View>({ params, segment, namespace, describe, body, action, alreadyDone, tellsExpired = false, linkHome = false }: TokenLandingProps<View>) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace });
  const id = `${segment}-heading`;
  const link = await readLink(() => describe({ token }));

  if ("problem" in link) {
    const notice = link.problem === "expired" && tellsExpired ? "expired" : "invalid";
    return (
      <NoticePanel id={id} heading={t(`${notice}Heading`)}>
        <p>{t(`${notice}Body`)}</p>
        {linkHome ? (
          <p>
            <a href={`/${locale}`}>{t("campaigns")}</a>
          </p>
        ) : null}
      </NoticePanel>
    );
  }
  if (alreadyDone?.(link.view)) {
    return (
      <NoticePanel id={id} heading={t("alreadyHeading")}>
        <p>{t("alreadyBody")}</p>
      </NoticePanel>
    );
  }
  return (
    <NoticePanel id={id} heading={t("heading")}>
      <p className="lede">{t("body", body?.(link.view, locale))}</p>
      <form action={action}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button button-large">
          {t("button")}
        </button>
      </form>
    </NoticePanel>
  );
}

export async function TokenDone({ params, segment, namespace }: DonePageProps & { segment: string; namespace: string }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace });
  return <SuccessPanel id={`${segment}-heading`} heading={t("doneHeading")} lede={t("doneBody")} />;
}

// A link that does nothing is a page that says why, not an error page.
async function readLink<View>(describe: () => Promise<View>): Promise<{ view: View } | { problem: "invalid" | "expired" }> {
  try {
    return { view: await describe() };
  } catch (error) {
    if (isAppError(error, "TOKEN_EXPIRED")) return { problem: "expired" };
    if (isAppError(error, "TOKEN_INVALID")) return { problem: "invalid" };
    throw error;
  }
}

function NoticePanel({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h1 id={id}>{heading}</h1>
      {children}
    </section>
  );
}
