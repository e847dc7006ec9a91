"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { fieldId, fieldLanguage } from "@/lib/campaigns/editor/schema";
import { isLocale, languageName, type Locale } from "@/lib/i18n/locales";
import { changeCampaignStatusAction } from "./actions";
import { editorPath, type StatusFormState, type StatusReturnPage } from "./form-state";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { useSummaryFocus } from "../../use-summary-focus";
import { HiddenFields } from "../../hidden-fields";

type Props = {
  campaignId: string;
  locale: string;
  transition: "publish" | "close" | "reopen";
  // The page the form is on, and where the action brings the organiser back to.
  returnTo?: StatusReturnPage;
};

// One button, one POST: publish, close or reopen. A refusal (say, no demand yet) is listed with
// links to the fields that need work, in the editor when the form is on another page.
export function StatusForm({ campaignId, locale, transition, returnTo = "edit" }: Props) {
  const t = useTranslations("CampaignEditor");
  const [state, formAction, pending] = useActionState<StatusFormState, FormData>(changeCampaignStatusAction, { fields: {} });
  const problems = Object.entries(state.fields);
  const summaryRef = useSummaryFocus(problems.length > 0 || Boolean(state.formError), state);
  const fieldsAt = returnTo === "edit" ? "" : editorPath(locale, campaignId, "edit");
  const reader: Locale = isLocale(locale) ? locale : "en";

  return (
    <form action={formAction} className="editor-status-form">
      <ErrorSummary
        id={`${transition}-errors`}
        summaryRef={summaryRef}
        heading={<h3>{t(`status.${transition}Refused`)}</h3>}
        formError={state.formError ? t(`formErrors.${state.formError}`) : null}
        problems={problems.map(([path, key]) => ({ key: path, href: path === "status" ? undefined : `${fieldsAt}#${fieldId(path)}`, message: t(`errors.${key}`, { language: languageName(reader, fieldLanguage(path) ?? reader) }) }))}
      />
      <HiddenFields values={{ locale, campaignId, transition, returnTo }} />
      <p className="hint" id={`${transition}-hint`}>
        {t(transition === "publish" && returnTo !== "edit" ? "status.publishHintElsewhere" : `status.${transition}Hint`)}
      </p>
      <button type="submit" className={transition === "publish" ? "button" : "button button-secondary"} disabled={pending} aria-describedby={`${transition}-hint`}>
        {t(`status.${transition}`)}
      </button>
    </form>
  );
}
