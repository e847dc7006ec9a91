import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { requireOrganiser } from "@/app/[locale]/organiser/require-organiser";
import { newCampaignValues } from "@/lib/campaigns/editor/form-values";
import { listCampaignOrganisations, type CampaignOrganisation } from "@/lib/campaigns/editor/list-campaign-organisations";
import { listEditorChoices } from "@/lib/campaigns/editor/list-editor-choices";
import { localized, type Locale } from "@/lib/i18n/locales";
import { createCampaignAction } from "../_editor/actions";
import { editorOptions } from "../_editor/choices";
import { EditorForm } from "../_editor/editor-form";
import { organiserPageMetadata } from "../../page-access";
import { BackLink } from "../../back-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ organisation?: string | string[] }> };

export const generateMetadata = organiserPageMetadata("CampaignEditor", "new.metaTitle", { noIndex: true });

// First the organisation the campaign is for (asked only when the organiser has a choice), then
// the editor. Creating checks the organiser's role in that organisation again.
export default async function NewCampaignPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const t = await getTranslations({ locale, namespace: "CampaignEditor" });
  const organisations = await listCampaignOrganisations({ actor, locale });
  const { organisation: requested } = await searchParams;
  const chosen = organisations.length === 1 ? organisations[0] : organisations.find((organisation) => organisation.id === requested);
  const name = (organisation: CampaignOrganisation) => localized(locale, organisation.name).text;

  return (
    <div className="editor-page">
      <BackLink href={`/${locale}/organiser`}>{t("backToDashboard")}</BackLink>
      <h1>{t("new.heading")}</h1>
      {organisations.length === 0 ? (
        <p className="notice">{t("new.noOrganisation")}</p>
      ) : !chosen ? (
        <form method="get" className="editor-form organisation-choice">
          <fieldset className="checkbox-group">
            <legend>
              <h2>{t("new.chooseOrganisation")}</h2>
            </legend>
            <p className="hint">{t("new.chooseOrganisationHint")}</p>
            <ul className="checkbox-list">
              {organisations.map((organisation, index) => (
                <li key={organisation.id} className="field-checkbox">
                  <input id={`organisation-${organisation.id}`} type="radio" name="organisation" value={organisation.id} defaultChecked={index === 0} />
                  <label htmlFor={`organisation-${organisation.id}`}>
                    <LocalizedText values={organisation.name} locale={locale} />
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" className="button">
            {t("new.continue")}
          </button>
        </form>
      ) : (
        <>
          <p className="lede">{t("new.intro", { organisation: name(chosen) })}</p>
          {organisations.length > 1 ? (
            <p className="meta">
              <a href={`/${locale}/organiser/campaigns/new`}>{t("new.changeOrganisation")}</a>
            </p>
          ) : null}
          <NewCampaignEditor locale={locale} organisationId={chosen.id} />
        </>
      )}
    </div>
  );
}

async function NewCampaignEditor({ locale, organisationId }: { locale: Locale; organisationId: string }) {
  const options = editorOptions(await listEditorChoices({ organisationId }), locale);
  return (
    <EditorForm
      mode="create"
      action={createCampaignAction}
      locale={locale}
      hidden={{ organisationId }}
      initialValues={newCampaignValues(locale)}
      statements={options.statements}
      statementsLink={{ href: `/${locale}/organiser/statements`, label: (await getTranslations({ locale, namespace: "StatementEditor" }))("campaignEditorLink") }}
      decisionMakers={options.decisionMakers}
    />
  );
}
