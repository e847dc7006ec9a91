import { direction, localized, type Locale } from "@/lib/i18n/locales";

// Content stored per language, shown in the reader's language, or in the language it was written
// in (`primary`; English when not given), marked as such, when a translation is missing.
export function LocalizedText({
  values,
  locale,
  primary,
  as: Tag = "span",
  className,
}: {
  values: Partial<Record<Locale, string | null | undefined>>;
  locale: Locale;
  primary?: Locale;
  as?: "span" | "p" | "h1" | "h2" | "h3" | "div";
  className?: string;
}) {
  const { text, locale: shown } = localized(locale, values, primary);
  return shown === locale ? (
    <Tag className={className}>{text}</Tag>
  ) : (
    <Tag className={className} lang={shown} dir={direction(shown)}>
      {text}
    </Tag>
  );
}
