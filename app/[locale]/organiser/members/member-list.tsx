"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { memberRoles } from "@/lib/organisations/schema";
import { manageMemberAction, type MemberFormState } from "./actions";
import { HiddenFields } from "../hidden-fields";
import { ManagedRow } from "../managed-row";
import { Options } from "../options";
import { RowActionForm } from "../row-action-form";
import { Notice } from "../notice";

export type MemberView = { userId: string; email: string; role: MemberRole; since: string; isYou: boolean };

const initialState: MemberFormState = { fields: {}, values: {} };

// The members, each with a form to change their role and one to remove them. Both forms share one
// action state, so its outcome stays on screen even when the row it was about has gone.
export function MemberList({ locale, organisationId, members }: { locale: string; organisationId: string; members: MemberView[] }) {
  const t = useTranslations("OrganiserMembers");
  const roles = useTranslations("OrganiserRoles");
  const [state, formAction, pending] = useActionState(manageMemberAction, initialState);
  const rowError = state.fields.role ?? state.fields.member;

  return (
    <>
      <div aria-live="polite">
        {state.done ? (
          <Notice tone="success">
            {state.done.kind === "removed"
              ? t("removed", { email: state.done.email })
              : t(state.done.kind, { email: state.done.email, role: roles(state.done.role ?? "VIEWER") })}
          </Notice>
        ) : null}
        {state.formError ? <Notice tone="problem">{t(`errors.${state.formError}`)}</Notice> : null}
      </div>
      <ul className="member-list">
        {members.map((member) => {
          const errorId = `member-${member.userId}-error`;
          const showError = rowError && state.target === member.userId;
          return (
            <ManagedRow
              key={member.userId}
              errorId={errorId}
              error={showError ? t(`errors.${rowError}`) : null}
              actions={
                <>
                  <form action={formAction} className="member-role-form">
                    <HiddenFields values={{ locale, organisation: organisationId, member: member.userId, intent: "role" }} />
                    <label htmlFor={`role-${member.userId}`} className="visually-hidden">
                      {t("roleOf", { email: member.email })}
                    </label>
                    <select id={`role-${member.userId}`} name="role" defaultValue={member.role} aria-describedby={showError ? errorId : undefined}>
                      <Options values={memberRoles} label={(role) => roles(role)} />
                    </select>
                    <button type="submit" className="button button-secondary button-small" disabled={pending} aria-label={t("saveRoleOf", { email: member.email })}>
                      {t("saveRole")}
                    </button>
                  </form>
                  <RowActionForm
                    action={formAction}
                    className="member-remove-form"
                    fields={{ locale, organisation: organisationId, member: member.userId, intent: "remove" }}
                    warning
                    disabled={pending}
                    label={t("removeMember", { email: member.email })}
                  >
                    {t("remove")}
                  </RowActionForm>
                </>
              }
            >
              <p className="member-email">
                <bdi dir="ltr">{member.email}</bdi> {member.isYou ? <span className="meta">{t("you")}</span> : null}
              </p>
              <p className="meta">
                {roles(member.role)} · {t("since")} {member.since}
              </p>
            </ManagedRow>
          );
        })}
      </ul>
    </>
  );
}
