"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addAccessRuleAction, type AbuseFormState } from "./actions";
import { FormErrors } from "./form-parts";
import { SelectField, TextField } from "@/app/components/form/field";
import { Notice } from "../notice";
import { HiddenFields } from "../hidden-fields";
import { Options } from "../options";

const initialState: AbuseFormState = { fields: {}, values: {} };
const kinds = ["IP_RANGE", "IP_HASH", "EMAIL_DOMAIN", "EMAIL_ADDRESS"] as const;
const effects = ["BLOCK", "ALLOW"] as const;

export function RuleForm({ locale, organisationId }: { locale: string; organisationId: string }) {
  const t = useTranslations("AbuseSettings");
  const [state, formAction, pending] = useActionState(addAccessRuleAction, initialState);
  const error = (field: string) => (state.fields[field] ? t(`errors.${state.fields[field]}`) : undefined);
  return (
    <form action={formAction} noValidate className="sign-form organiser-form">
      <FormErrors id="rule-errors" state={state} />
      {state.done ? <Notice tone="success">{t("ruleAdded")}</Notice> : null}
      <HiddenFields values={{ locale, organisation: organisationId }} />
      <SelectField id="kind" name="kind" label={t("kindLabel")} error={error("kind")} defaultValue={state.values.kind || "IP_RANGE"} key={`kind-${state.values.kind}`}>
        <Options values={kinds} label={(kind) => t(`kinds.${kind}`)} />
      </SelectField>
      <SelectField id="effect" name="effect" label={t("effectLabel")} error={error("effect")} defaultValue={state.values.effect || "BLOCK"} key={`effect-${state.values.effect}`}>
        <Options values={effects} label={(effect) => t(`effects.${effect}`)} />
      </SelectField>
      <TextField
        id="pattern"
        name="pattern"
        label={t("patternLabel")}
        hint={t("patternHint")}
        error={error("pattern")}
        dir="ltr"
        spellCheck={false}
        autoComplete="off"
        maxLength={254}
        defaultValue={state.values.pattern ?? ""}
        key={state.done ? "added" : "pattern"}
      />
      <TextField id="note" name="note" label={t("noteLabel")} error={error("note")} maxLength={200} defaultValue={state.values.note ?? ""} key={state.done ? "note-added" : "note"} />
      <button type="submit" className="button" disabled={pending}>
        {t("addRule")}
      </button>
    </form>
  );
}
