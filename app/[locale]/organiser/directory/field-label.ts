import type { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { parseLanguageKey } from "@/lib/i18n/translations";
import { translatedFields } from "@/lib/decision-makers/schema";

// A directory field's label in the organiser's language: "Name (Turkish)" for nameTr.
export function directoryFieldLabel(t: ReturnType<typeof useTranslations<"Directory">>, languageNames: Record<Locale, string>, field: string): string | null {
  const translated = parseLanguageKey(translatedFields, field);
  if (translated) return t(`fields.${translated.field}In`, { language: languageNames[translated.locale] });
  return t.has(`fields.${field}`) ? t(`fields.${field}` as "fields.name") : null;
}
