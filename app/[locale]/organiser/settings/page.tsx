import { getTranslations, setRequestLocale } from "next-intl/server";
import { getAbuseSettings, type AccessRuleView } from "@/lib/abuse/settings";
import type { Locale } from "@/lib/i18n/locales";
import { removeAccessRuleAction } from "./actions";
import { RuleForm } from "./rule-form";
import { SettingsForm } from "./settings-form";
import { isFormRefusal } from "../form-data";
import { Notice } from "../notice";
import { organiserPageMetadata, requireOwnedOrganisation } from "../page-access";
import { OrganiserTable } from "../organiser-table";
import { RowActionForm } from "../row-action-form";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("AbuseSettings", "title");

// Owners only: rate limits, the trending threshold, and block and allow lists.
export default async function AbuseSettingsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { actor, organisation, name } = await requireOwnedOrganisation(locale, query.organisation);
  const [t, view] = await Promise.all([getTranslations({ locale, namespace: "AbuseSettings" }), getAbuseSettings({ actor, organisationId: organisation.id })]);

  const ruleTable = (rules: AccessRuleView[], caption: string, removable: boolean) => (
    <OrganiserTable label={caption} className="organiser-table stack-on-phone" captionHidden caption={caption} columns={[{ label: t("kindLabel") }, { label: t("effectLabel") }, { label: t("patternLabel") }, { label: t("noteLabel") }, removable ? { label: t("actions") } : null]}>
      {rules.map((rule) => (
        <tr key={rule.id}>
          <td data-label={t("kindLabel")}>{t(`kinds.${rule.kind}`)}</td>
          <td data-label={t("effectLabel")}>{t(`effects.${rule.effect}`)}</td>
          <td data-label={t("patternLabel")}>
            <bdi dir="ltr">{rule.pattern}</bdi>
          </td>
          <td data-label={t("noteLabel")}>{rule.note ?? ""}</td>
          {removable ? (
            <td data-label={t("actions")}>
              <RowActionForm action={removeAccessRuleAction} fields={{ locale, organisation: organisation.id, rule: rule.id }}>
                {t("remove", { pattern: rule.pattern })}
              </RowActionForm>
            </td>
          ) : null}
        </tr>
      ))}
    </OrganiserTable>
  );

  return (
    <>
      <h1>{t("heading", { organisation: name })}</h1>
      <p className="lede">{t("intro")}</p>
      {isFormRefusal(query.error) ? <Notice tone="problem">{t(`errors.${query.error}`)}</Notice> : null}
      <section aria-labelledby="limits-heading" className="organiser-section organiser-panel">
        <h2 id="limits-heading">{t("limitsHeading")}</h2>
        <p>{t("limitsIntro")}</p>
        <SettingsForm locale={locale} organisationId={organisation.id} settings={view.settings} />
      </section>
      <section aria-labelledby="rules-heading" className="organiser-section">
        <h2 id="rules-heading">{t("rulesHeading")}</h2>
        <p>{t("rulesIntro")}</p>
        {view.rules.length === 0 ? <p>{t("noRules")}</p> : ruleTable(view.rules, t("rulesCaption", { organisation: name }), true)}
        <div className="organiser-panel">
          <h3>{t("addRuleHeading")}</h3>
          <RuleForm locale={locale} organisationId={organisation.id} />
        </div>
      </section>
      <section aria-labelledby="global-heading" className="organiser-section">
        <h2 id="global-heading">{t("globalHeading")}</h2>
        <p>{t("globalIntro")}</p>
        {view.globalRules.length === 0 ? <p>{t("noRules")}</p> : ruleTable(view.globalRules, t("globalHeading"), false)}
      </section>
    </>
  );
}
