"use client";

import { useTranslations } from "next-intl";

// What a visitor sees when a page cannot be rendered (most often: the database is restarting).
// The server logs the cause; the page says, in the visitor's language, to try again shortly.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorPage");
  return (
    <section className="notice" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <button type="button" className="button" onClick={() => reset()}>
        {t("retry")}
      </button>
    </section>
  );
}
