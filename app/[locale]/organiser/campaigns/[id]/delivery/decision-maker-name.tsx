import { direction, localized, type Locale } from "@/lib/i18n/locales";
import type { Translations } from "@/lib/i18n/translations";

// A decision-maker's name in the reader's language where the directory gives it, else in another,
// marked as such; isolated either way, so that a Latin name does not carry the Arabic punctuation
// after it into its own run.
export function DecisionMakerName({ name, locale }: { name: Translations; locale: Locale }) {
  const shown = localized(locale, name);
  return shown.locale === locale ? (
    <bdi>{shown.text}</bdi>
  ) : (
    <bdi lang={shown.locale} dir={direction(shown.locale)}>
      {shown.text}
    </bdi>
  );
}

// A target as one line of a select (an option holds text only): "name, institution", marked with
// their language when both are in the same one other than the page's.
export function targetOption(locale: Locale, target: { id: string; name: Translations; institution: Translations }): { id: string; label: string; lang?: Locale } {
  const name = localized(locale, target.name);
  const institution = localized(locale, target.institution);
  const label = `${name.text}, ${institution.text}`;
  return name.locale === institution.locale && name.locale !== locale ? { id: target.id, label, lang: name.locale } : { id: target.id, label };
}
