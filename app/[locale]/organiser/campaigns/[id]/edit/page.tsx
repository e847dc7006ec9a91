import { getTranslations } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { isPublic } from "@/lib/campaigns/lifecycle";
import { editorValuesFromCampaign } from "@/lib/campaigns/editor/form-values";
import { getCampaignForEditing } from "@/lib/campaigns/editor/get-campaign-for-editing";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { direction, languageName, localized, type Locale } from "@/lib/i18n/locales";
import { languagesOf } from "@/lib/i18n/translations";
import { publicPath } from "@/lib/public-urls";
import { updateCampaignAction } from "../../_editor/actions";
import { editorOptions } from "../../_editor/choices";
import { EditorForm } from "../../_editor/editor-form";
import { editorPath } from "../../_editor/form-state";
import { StatusForm } from "../../_editor/status-form";
import { openCampaignPage, organiserPageMetadata } from "../../../page-access";
import { BackLink } from "../../../back-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ done?: string | string[] }> };

const doneMessages = ["created", "saved", "published", "closed", "reopened"] as const;
const nextTransition = { DRAFT: "publish", OPEN: "close", CLOSED: "reopen" } as const;

export const generateMetadata = organiserPageMetadata("CampaignEditor", "edit.metaTitle", { noIndex: true });

export default async function EditCampaignPage({ params, searchParams }: Props) {
  const { locale, loaded: campaign } = await openCampaignPage(params, getCampaignForEditing);
  const [t, statuses] = await Promise.all([getTranslations({ locale, namespace: "CampaignEditor" }), getTranslations({ locale, namespace: "CampaignStatuses" })]);
  const { done } = await searchParams;
  const doneMessage = doneMessages.find((key) => key === done);
  const title = localized(locale, campaign.title, campaign.primaryLocale);
  const pagePath = publicPath.campaign(locale, campaign.slug);
  const options = editorOptions(campaign.choices, locale);

  return (
    <div className="editor-page">
      <BackLink href={`/${locale}/organiser`}>{t("backToDashboard")}</BackLink>
      <h1>
        {t("edit.heading")}:{" "}
        {title.locale === locale ? (
          title.text
        ) : (
          <bdi lang={title.locale} dir={direction(title.locale)}>
            {title.text}
          </bdi>
        )}
      </h1>

      <dl className="facts editor-facts">
        <div>
          <dt>{t("facts.status")}</dt>
          <dd>
            <span className={`status status-${campaign.status.toLowerCase()}`}>{statuses(campaign.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("facts.organisation")}</dt>
          <dd>
            <LocalizedText values={campaign.organisation.name} locale={locale} />
          </dd>
        </div>
        <div>
          <dt>{t("facts.address")}</dt>
          <dd dir="ltr">
            {!isPublic(campaign) ? <code>{pagePath}</code> : <a href={pagePath}>{pagePath}</a>}
          </dd>
        </div>
        <div>
          <dt>{t("facts.confirmed")}</dt>
          <dd>{formatNumber(campaign.confirmedCount, locale)}</dd>
        </div>
        {campaign.closesAt ? (
          <div>
            <dt>{t("facts.closes")}</dt>
            <dd>{formatDate(campaign.closesAt, locale)}</dd>
          </div>
        ) : null}
      </dl>
      {isPublic(campaign) ? <p className="hint">{t("edit.publicHint")}</p> : null}

      <nav className="editor-links" aria-label={t("previewLinks")}>
        <a href={`/${locale}/organiser/campaigns/${encodeURIComponent(campaign.id)}`}>{t("overview")}</a>
        {/* The campaign's page in each language it is written in, its own first. */}
        {languagesOf(campaign.title, campaign.primaryLocale).map((language) => (
          <a key={language} href={editorPath(language, campaign.id, "preview")} hrefLang={language}>
            {t("previewIn", { language: languageName(locale, language) })}
          </a>
        ))}
      </nav>

      {campaign.canEdit ? null : <p className="notice">{t("edit.readOnly")}</p>}

      <EditorForm
        key={campaign.updatedAt.toISOString()}
        mode="edit"
        action={updateCampaignAction}
        locale={locale}
        hidden={{ campaignId: campaign.id }}
        initialValues={editorValuesFromCampaign(campaign)}
        statements={options.statements}
        statementsLink={{ href: `/${locale}/organiser/statements`, label: (await getTranslations({ locale, namespace: "StatementEditor" }))("campaignEditorLink") }}
        decisionMakers={options.decisionMakers}
        readOnly={!campaign.canEdit}
        notice={doneMessage ? t(`done.${doneMessage}`) : undefined}
      />

      {campaign.canEdit ? (
        <section className="editor-status" aria-labelledby="status-heading">
          <h2 id="status-heading">{t(`status.${nextTransition[campaign.status]}Heading`)}</h2>
          <StatusForm key={campaign.status} campaignId={campaign.id} locale={locale} transition={nextTransition[campaign.status]} />
        </section>
      ) : null}
    </div>
  );
}
