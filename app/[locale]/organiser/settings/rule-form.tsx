"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addAccessRuleAction, type AbuseFormState } from "./actions";
import { FormErrors } from "./form-parts";
import { Notice } from "../notice";
import { HiddenFields } from "../hidden-fields";
import { Options } from "../options";

const initialState: AbuseFormState = { fields: {}, values: {} };
const kinds = ["IP_RANGE", "IP_HASH", "EMAIL_DOMAIN", "EMAIL_ADDRESS"] as const;
const effects = ["BLOCK", "ALLOW"] as const;

export function RuleForm({ locale, organisationId }: { locale: string; organisationId: string }) {
  const t = useTranslations("AbuseSettings");
  const [state, formAction, pending] = useActionState(addAccessRuleAction, initialState);
  const error = (field: string) =>
    state.fields[field] ? (
      <p className="field-error" id={`${field}-error`}>
        {t(`errors.${state.fields[field]}`)}
      </p>
    ) : null;
  return (
    <form action={formAction} noValidate className="sign-form organiser-form">
      <FormErrors id="rule-errors" state={state} />
      {state.done ? <Notice tone="success">{t("ruleAdded")}</Notice> : null}
      <HiddenFields values={{ locale, organisation: organisationId }} />
      <div className="field">
        <label htmlFor="kind">{t("kindLabel")}</label>
        {error("kind")}
        <select id="kind" name="kind" defaultValue={state.values.kind || "IP_RANGE"} key={`kind-${state.values.kind}`}>
          <Options values={kinds} label={(kind) => t(`kinds.${kind}`)} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="effect">{t("effectLabel")}</label>
        {error("effect")}
        <select id="effect" name="effect" defaultValue={state.values.effect || "BLOCK"} key={`effect-${state.values.effect}`}>
          <Options values={effects} label={(effect) => t(`effects.${effect}`)} />
        </select>
      </div>
      <div className={`field${state.fields.pattern ? " field-invalid" : ""}`}>
        <label htmlFor="pattern">{t("patternLabel")}</label>
        <p className="hint" id="pattern-hint">
          {t("patternHint")}
        </p>
        {error("pattern")}
        <input
          id="pattern"
          name="pattern"
          type="text"
          dir="ltr"
          spellCheck={false}
          autoComplete="off"
          maxLength={254}
          defaultValue={state.values.pattern ?? ""}
          key={state.done ? "added" : "pattern"}
          aria-invalid={Boolean(state.fields.pattern)}
          aria-describedby={["pattern-hint", state.fields.pattern ? "pattern-error" : null].filter(Boolean).join(" ")}
        />
      </div>
      <div className={`field${state.fields.note ? " field-invalid" : ""}`}>
        <label htmlFor="note">{t("noteLabel")}</label>
        {error("note")}
        <input id="note" name="note" type="text" maxLength={200} defaultValue={state.values.note ?? ""} key={state.done ? "note-added" : "note"} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("addRule")}
      </button>
    </form>
  );
}
