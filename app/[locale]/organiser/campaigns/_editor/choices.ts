import { byInstitutionThenName, type EditorChoices } from "@/lib/campaigns/editor/list-editor-choices";
import { countryName } from "@/lib/countries";
import { formatDate } from "@/lib/i18n/format";
import { localized, type Locale } from "@/lib/i18n/locales";
import { joinNames } from "@/lib/statements/authors";
import type { DecisionMakerOption, StatementOption } from "./editor-form";

// The editor's pick lists as the form shows them, in the organiser's language.
export function editorOptions(choices: EditorChoices, locale: Locale): { statements: StatementOption[]; decisionMakers: DecisionMakerOption[] } {
  const text = (values: Partial<Record<Locale, string>>) => localized(locale, values).text;
  return {
    statements: choices.statements.map((statement) => ({
      id: statement.id,
      label: `${text(statement.title)} (${joinNames(statement.authors.map(text), locale)}, ${formatDate(statement.publishedOn, locale)})`,
    })),
    // Sorted again: the list may come sorted for another language.
    decisionMakers: [...choices.decisionMakers].sort(byInstitutionThenName(locale)).map((person) => {
      const name = text(person.name);
      const institution = text(person.institution);
      return {
        id: person.id,
        name,
        detail: [text(person.title), institution !== name ? institution : null, countryName(person.country, locale)].filter(Boolean).join(" · "),
      };
    }),
  };
}
