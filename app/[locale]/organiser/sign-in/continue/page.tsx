import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { parseEmailCallback, signInFormAction, signInLinkState } from "@/lib/auth/verification";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "OrganiserAuth" });
  return { title: t("continueTitle"), referrer: "strict-origin" };
}

// Where the e-mail links to. Opening it signs no one in and spends nothing: only the button, a
// form that a person submits, posts the link's token to next-auth's callback, and only a POST
// from this site signs in there.
export default async function ContinueSignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "OrganiserAuth" });
  const callback = (await searchParams).callback;
  const link = parseEmailCallback(typeof callback === "string" ? callback : null);
  const state = link ? await signInLinkState(link) : "invalid";

  if (!link || state !== "valid") {
    return (
      <section className="panel" aria-labelledby="continue-heading">
        <h1 id="continue-heading">{t("continueInvalidHeading")}</h1>
        <p>{t("continueInvalidBody")}</p>
        <p>
          <a className="button" href={`/${locale}/organiser/sign-in`}>
            {t("askAgain")}
          </a>
        </p>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="continue-heading">
      <h1 id="continue-heading">{t("continueHeading")}</h1>
      <p className="lede">
        {t.rich("continueBody", {
          address: link.email,
          email: (chunks) => (
            <strong dir="ltr" className="organiser-email">
              {chunks}
            </strong>
          ),
        })}
      </p>
      <form method="post" action={signInFormAction(link)}>
        <button type="submit" className="button button-large">
          {t("continueButton")}
        </button>
      </form>
      <p className="hint organiser-why">{t("continueWhy")}</p>
    </section>
  );
}
