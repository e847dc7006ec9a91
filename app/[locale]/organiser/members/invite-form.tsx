"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { inviteMemberSchema, memberFieldErrors, memberRoles, type MemberField } from "@/lib/organisations/schema";
import { inviteMemberAction, type MemberFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { Choice, FieldGroup, TextField } from "@/app/components/form/field";
import { Notice } from "../notice";
import { HiddenFields } from "../hidden-fields";

const initialState: MemberFormState = { fields: {}, values: {} };
const fieldOrder: MemberField[] = ["email", "role"];

export function InviteForm({ locale, organisationId }: { locale: string; organisationId: string }) {
  const t = useTranslations("OrganiserMembers");
  const [state, formAction, pending] = useActionState(inviteMemberAction, initialState);
  const { errors, errorFields, formError, clientErrors, summaryRef, onSubmit } = useFieldErrors(state, fieldOrder, (data) => {
    const parsed = inviteMemberSchema.safeParse({ email: data.get("email") ?? "", role: data.get("role") ?? undefined });
    return parsed.success ? null : memberFieldErrors(parsed.error);
  });

  const chosenRole = state.values.role || "ORGANISER";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="sign-form organiser-form" aria-describedby={errorFields.length || formError ? "invite-errors" : undefined}>
      <ErrorSummary
        id="invite-errors"
        summaryRef={summaryRef}
        heading={<h3>{t("errorSummary")}</h3>}
        formError={formError ? t(`errors.${formError}`) : null}
        problems={errorFields.map((field) => ({ key: field, href: field === "role" ? "#invite-role-OWNER" : "#invite-email", message: t(`errors.${errors[field]!}`) }))}
      />
      {state.done?.kind === "invited" && !clientErrors ? <Notice tone="success">{t("invited", { email: state.done.email })}</Notice> : null}
      <HiddenFields values={{ locale, organisation: organisationId }} />
      <TextField
        id="invite-email"
        name="email"
        label={t("email")}
        hint={t("inviteEmailHint")}
        error={errors.email && t(`errors.${errors.email}`)}
        type="email"
        dir="ltr"
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        maxLength={254}
        defaultValue={state.values.email ?? ""}
        key={state.done ? `sent-${state.done.email}` : "invite-email"}
      />
      <FieldGroup id="invite-role" className="role-choice" legend={t("role")} error={errors.role && t(`errors.${errors.role}`)}>
        {memberRoles.map((role) => (
          <Choice key={role} id={`invite-role-${role}`} type="radio" name="role" value={role} defaultChecked={role === chosenRole} label={t(`roleHints.${role}`)} />
        ))}
      </FieldGroup>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("working") : t("inviteSubmit")}
      </button>
    </form>
  );
}
