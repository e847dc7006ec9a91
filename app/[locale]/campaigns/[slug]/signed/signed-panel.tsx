import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { SuccessPanel } from "@/app/components/success-panel";

// "Check your e-mail" after signing, on the site or inside a partner's embed: the same whether or
// not the address had signed before. `back` leads to the campaign where the signer came from.
export async function SignedPanel({ locale, back }: { locale: Locale; back: { href: string; text: string } }) {
  const t = await getTranslations({ locale, namespace: "Signed" });
  return (
    <SuccessPanel id="signed-heading" heading={t("heading")} lede={t("body")}>
      <p>{t("spam")}</p>
      <p>
        <a href={back.href}>{back.text}</a>
      </p>
    </SuccessPanel>
  );
}
