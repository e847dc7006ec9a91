import { localized, type Locale } from "@/lib/i18n/locales";

// Content stored per locale, shown in the reader's language, or in English (marked as such)
// when a translation is missing.
export function LocalizedText({
  values,
  locale,
  as: Tag = "span",
  className,
}: {
  values: { en: string; ar: string | null };
  locale: Locale;
  as?: "span" | "p" | "h1" | "h2" | "h3" | "div";
  className?: string;
}) {
  const { text, locale: shown } = localized(locale, values);
  return shown === locale ? (
    <Tag className={className}>{text}</Tag>
  ) : (
    <Tag className={className} lang={shown} dir="ltr">
      {text}
    </Tag>
  );
}
