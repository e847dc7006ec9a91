"use client";

import { useLocale, useTranslations } from "next-intl";

// What a visitor sees when a page fails: a plain apology, never the error's message or stack
// (in production Next.js passes the browser only an opaque digest; the details stay in the log).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorPage");
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="error-heading">
      <h1 id="error-heading">{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          {t("retry")}
        </button>
      </p>
      <p>
        <a href={`/${locale}`}>{t("home")}</a>
      </p>
    </section>
  );
}
