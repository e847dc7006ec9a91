"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, useState, type ReactNode } from "react";
import { EnteredText } from "@/app/components/entered-text";
import { LocalizedText } from "@/app/components/localized-text";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translations } from "@/lib/i18n/translations";
import { saveSettingsAction, type DeliveryFormState } from "./actions";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";
import { CheckboxField, Choice, FieldGroup } from "@/app/components/form/field";
import { DecisionMakerName } from "./decision-maker-name";

// A decision-maker to choose, in pieces so that each can be marked with the language it is in:
// name, title and institution in the reader's language when the directory has them, region as entered.
type Choice = {
  id: string;
  name: Translations;
  title: Translations;
  institution: Translations;
  country: string;
  region: string | null;
  shared: boolean;
};

// cadence null: nobody has chosen one yet, so no option is ticked and saving asks for a choice.
// Each option says what choosing it does to the decision-makers ticked above: one is named in
// the sentence; several are listed once, one per line, above the options (names, often only in
// English, read badly run together inside an Arabic sentence).
export function SettingsForm(props: { locale: Locale; campaignId: string; cadence: string | null; milestoneDigests: boolean; goals: string; targetIds: string[]; choices: Choice[] }) {
  const t = useTranslations("Delivery");
  const [state, formAction, pending] = useActionState(saveSettingsAction, { fields: {}, values: {} } satisfies DeliveryFormState);
  // After a refused save, the form shows what was sent rather than what is saved.
  const refused = state.values.decisionMakerIds !== undefined;
  const defaults = {
    targetIds: refused ? state.values.decisionMakerIds!.split(",").filter(Boolean) : props.targetIds,
    cadence: refused ? state.values.cadence : props.cadence,
    milestoneDigests: refused ? state.values.milestoneDigests === "on" : props.milestoneDigests,
  };
  const [chosen, setChosen] = useState(() => new Set(props.targetIds));
  const names = props.choices.filter((choice) => chosen.has(choice.id)).map((choice) => choice.name);
  const what = (key: "DAILY" | "WEEKLY" | "milestones"): ReactNode =>
    names.length === 0 ? t("whatNobody") : t.rich(`what.${key}`, { count: names.length, target: () => <DecisionMakerName name={names[0]!} locale={props.locale} />, goals: props.goals });
  function toggle(id: string, checked: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }
  return (
    <form action={formAction} className="sign-form organiser-form">
      {state.formError ? <Notice tone="problem">{t(`formErrors.${state.formError}`)}</Notice> : null}
      {state.done ? <Notice tone="success">{t("settingsSaved")}</Notice> : null}
      <HiddenFields values={{ locale: props.locale, campaign: props.campaignId }} />
      <FieldGroup id="targets" legend={t("targets")} hint={t("targetsHint")} error={state.fields.decisionMakerIds && t(`errors.${state.fields.decisionMakerIds}`)}>
        {props.choices.map((choice) => (
          <Choice
            key={choice.id}
            id={`target-${choice.id}`}
            type="checkbox"
            name="decisionMakerIds"
            value={choice.id}
            defaultChecked={defaults.targetIds.includes(choice.id)}
            onChange={(event) => toggle(choice.id, event.currentTarget.checked)}
            label={<DecisionMakerName name={choice.name} locale={props.locale} />}
            hint={[
              Object.values(choice.title).some(Boolean) ? <LocalizedText key="title" locale={props.locale} values={choice.title} /> : null,
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
          />
        ))}
      </FieldGroup>
      <FieldGroup id="cadence" legend={t("cadence")} hint={props.cadence === null ? t("cadenceUnsetHint") : t("cadenceHint")} error={state.fields.cadence && t(`errors.${state.fields.cadence}`)}>
        {names.length > 1 ? (
          <>
            <p className="hint">{t("recipients", { count: formatNumber(names.length, props.locale) })}</p>
            <ul className="hint recipient-names">
              {names.map((name, index) => (
                <li key={index}>
                  <DecisionMakerName name={name} locale={props.locale} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {(["OFF", "DAILY", "WEEKLY"] as const).map((cadence) => (
          <Choice
            key={cadence}
            id={`cadence-${cadence}`}
            type="radio"
            name="cadence"
            value={cadence}
            defaultChecked={defaults.cadence === cadence}
            label={t(`cadences.${cadence}`)}
            hint={cadence === "OFF" ? t("what.OFF") : what(cadence)}
          />
        ))}
      </FieldGroup>
      <CheckboxField
        id="milestone-digests"
        name="milestoneDigests"
        defaultChecked={defaults.milestoneDigests}
        label={t("milestoneDigests")}
        hint={props.goals ? what("milestones") : t("milestoneNoGoals")}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("saveSettings")}
      </button>
    </form>
  );
}
