import type { EditorChoices } from "@/lib/campaigns/editor/list-editor-choices";
import { formatDate } from "@/lib/i18n/format";
import { localized, type Locale } from "@/lib/i18n/locales";
import { joinNames } from "@/lib/statements/authors";
import type { DecisionMakerOption, StatementOption } from "./editor-form";

// The editor's pick lists as the form shows them, in the organiser's language.
export function editorOptions(choices: EditorChoices, locale: Locale): { statements: StatementOption[]; decisionMakers: DecisionMakerOption[] } {
  return {
    statements: choices.statements.map((statement) => ({
      id: statement.id,
      label: `${localized(locale, statement.title).text} (${joinNames(
        statement.authors.map((author) => localized(locale, author).text),
        locale,
      )}, ${formatDate(statement.publishedOn, locale)})`,
    })),
    decisionMakers: choices.decisionMakers.map((person) => ({
      id: person.id,
      name: person.name,
      detail: [person.title, person.institution !== person.name ? person.institution : null, person.country].filter(Boolean).join(" · "),
    })),
  };
}
