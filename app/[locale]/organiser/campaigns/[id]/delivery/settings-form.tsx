"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState } from "react";
import { EnteredText } from "@/app/components/entered-text";
import { LocalizedText } from "@/app/components/localized-text";
import type { Locale } from "@/lib/i18n/locales";
import { saveSettingsAction, type DeliveryFormState } from "./actions";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";
import { CheckboxField } from "../../../checkbox-field";

// A decision-maker to choose, in pieces so that each can be marked with the language it is in:
// title and institution in the reader's language when the directory has it, name and region as entered.
type Choice = {
  id: string;
  name: string;
  title: { en: string; ar: string | null } | null;
  institution: { en: string; ar: string | null };
  country: string;
  region: string | null;
  shared: boolean;
};

export function SettingsForm(props: { locale: Locale; campaignId: string; cadence: string; milestoneDigests: boolean; targetIds: string[]; choices: Choice[] }) {
  const t = useTranslations("Delivery");
  const [state, formAction, pending] = useActionState(saveSettingsAction, { fields: {}, values: {} } satisfies DeliveryFormState);
  return (
    <form action={formAction} className="sign-form organiser-form">
      {state.formError ? <Notice tone="problem">{t(`formErrors.${state.formError}`)}</Notice> : null}
      {state.done ? <Notice tone="success">{t("settingsSaved")}</Notice> : null}
      <HiddenFields values={{ locale: props.locale, campaign: props.campaignId }} />
      <fieldset className={`field${state.fields.decisionMakerIds ? " field-invalid" : ""}`} aria-describedby="targets-hint">
        <legend>{t("targets")}</legend>
        <p className="hint" id="targets-hint">
          {t("targetsHint")}
        </p>
        {state.fields.decisionMakerIds ? <p className="field-error">{t(`errors.${state.fields.decisionMakerIds}`)}</p> : null}
        {props.choices.map((choice) => (
          <div className="field-checkbox" key={choice.id}>
            <input id={`target-${choice.id}`} type="checkbox" name="decisionMakerIds" value={choice.id} defaultChecked={props.targetIds.includes(choice.id)} />
            <label htmlFor={`target-${choice.id}`}>
              <EnteredText text={choice.name} />
            </label>
            <p className="hint">
              {[
                choice.title ? <LocalizedText key="title" locale={props.locale} values={choice.title} /> : null,
                <LocalizedText key="institution" locale={props.locale} values={choice.institution} />,
                choice.country,
                choice.region ? <EnteredText key="region" text={choice.region} /> : null,
                choice.shared ? t("shared") : null,
              ]
                .filter((piece) => piece !== null)
                .map((piece, index) => (
                  <Fragment key={index}>
                    {index > 0 ? " · " : null}
                    {piece}
                  </Fragment>
                ))}
            </p>
          </div>
        ))}
      </fieldset>
      <fieldset className={`field${state.fields.cadence ? " field-invalid" : ""}`}>
        <legend>{t("cadence")}</legend>
        {state.fields.cadence ? <p className="field-error">{t(`errors.${state.fields.cadence}`)}</p> : null}
        {(["OFF", "DAILY", "WEEKLY"] as const).map((cadence) => (
          <div className="field-radio" key={cadence}>
            <input id={`cadence-${cadence}`} type="radio" name="cadence" value={cadence} defaultChecked={props.cadence === cadence} />
            <label htmlFor={`cadence-${cadence}`}>{t(`cadences.${cadence}`)}</label>
          </div>
        ))}
      </fieldset>
      <CheckboxField id="milestone-digests" name="milestoneDigests" defaultChecked={props.milestoneDigests} label={t("milestoneDigests")} hintId="milestone-hint" hint={t("milestoneHint")} />
      <button type="submit" className="button" disabled={pending}>
        {t("saveSettings")}
      </button>
    </form>
  );
}
