import { localized, type Locale } from "@/lib/i18n/locales";
import { nameList, type AuthorName } from "@/lib/statements/authors";

// Every author of a statement, joined as the reader's language joins names ("A and B", "أ وب"),
// each in that language where the authors give one, else in English and marked as such.
export function AuthorList({ authors, locale }: { authors: AuthorName[]; locale: Locale }) {
  const names = authors.map((author) => localized(locale, author));
  const parts = nameList(locale).formatToParts(names.map((_, index) => String(index)));
  return (
    <>
      {parts.map((part, index) => {
        if (part.type === "literal") return part.value;
        const name = names[Number(part.value)]!;
        return (
          <bdi key={index} className="author" lang={name.locale === locale ? undefined : name.locale}>
            {name.text}
          </bdi>
        );
      })}
    </>
  );
}
