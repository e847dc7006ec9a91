"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextField } from "@/app/components/form/field";

type LogoErrorKey = "logoRequired" | "logoTooLarge" | "logoType" | "logoUnreadable";

// The logo goes to its own route (a file is larger than a page's form may be), as a plain
// multipart POST that works without JavaScript; with it, an empty or too large file is caught
// before anything is sent. The server checks again, by the file's bytes.
export function LogoForm({ action, maxBytes, serverError }: { action: string; maxBytes: number; serverError: LogoErrorKey | null }) {
  const t = useTranslations("OrganisationProfile");
  const [clientError, setClientError] = useState<LogoErrorKey | null>(null);
  const shown = clientError ?? serverError;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("logo");
    const found: LogoErrorKey | null = !(file instanceof File) || file.size === 0 ? "logoRequired" : file.size > maxBytes ? "logoTooLarge" : null;
    if (found) event.preventDefault();
    setClientError(found);
  }

  return (
    <form action={action} method="post" encType="multipart/form-data" onSubmit={onSubmit} noValidate className="sign-form organiser-form">
      <ErrorSummary id="logo-errors" heading={<h3>{t("errorSummary")}</h3>} problems={shown ? [{ key: "logo", href: "#profile-logo", message: t(`errors.${shown}`) }] : []} />
      <TextField id="profile-logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" label={t("logoLabel")} hint={t("logoIntro")} error={shown ? t(`errors.${shown}`) : undefined} />
      <button type="submit" className="button">
        {t("uploadLogo")}
      </button>
    </form>
  );
}
