import { LocalizedText } from "@/app/components/localized-text";
import type { Locale } from "@/lib/i18n/locales";
import type { Translations } from "@/lib/i18n/translations";

type Organisation = { id: string; name: Translations };

// Links to the same organiser page for the actor's other organisations.
export function OrganisationSwitch({
  label,
  organisations,
  pagePath,
  locale,
  showHeading = true,
}: {
  label: string;
  organisations: Organisation[];
  // The page's path, e.g. "/en/organiser/members"; ?organisation=<id> is added.
  pagePath: string;
  locale: Locale;
  showHeading?: boolean;
}) {
  if (organisations.length === 0) return null;
  return (
    <nav aria-label={label} className="organiser-switch">
      {showHeading ? <h2 className="meta">{label}</h2> : null}
      <ul className="organiser-links">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <a href={`${pagePath}?organisation=${encodeURIComponent(organisation.id)}`}>
              <LocalizedText values={organisation.name} locale={locale} />
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
