import type { ReactNode } from "react";
import { locales, type Locale } from "@/lib/i18n/locales";

// The same fields once per language: the one the text is written in first, open, then each other
// enabled language folded until it is written (or has an error), side by side from 60 rem.
// The labels come translated from the form that uses it.
export function LanguageColumns(props: {
  primary: Locale;
  // The primary language's legend, e.g. "In Arabic (required)".
  legend: string;
  // A folded language's summary, e.g. "In Turkish" or "In Turkish: not written yet".
  summary: (language: Locale, written: boolean) => string;
  hint?: (language: Locale) => ReactNode;
  written: (language: Locale) => boolean;
  invalid: (language: Locale) => boolean;
  children: (language: Locale) => ReactNode;
}) {
  const { primary } = props;
  const others = locales.filter((language) => language !== primary);
  return (
    <div className="language-columns">
      <fieldset className="language-column">
        <legend>{props.legend}</legend>
        {props.children(primary)}
      </fieldset>
      {others.map((language) => {
        const written = props.written(language);
        return (
          <details key={language} className="language-column" open={written || props.invalid(language)}>
            <summary>{props.summary(language, written)}</summary>
            {props.hint ? <p className="hint">{props.hint(language)}</p> : null}
            {props.children(language)}
          </details>
        );
      })}
    </div>
  );
}
