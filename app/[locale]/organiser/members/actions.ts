"use server";

import { revalidatePath } from "next/cache";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import { changeRole } from "@/lib/organisations/change-role";
import { inviteMember } from "@/lib/organisations/invite-member";
import { removeMember } from "@/lib/organisations/remove-member";
import type { MemberFieldErrors } from "@/lib/organisations/schema";
import { formState } from "@/lib/error-answers";
import { formLocale, formText as text, organiserRefusals } from "../form-data";
import { requireOrganiser } from "../require-organiser";

export type MemberFormState = {
  fields: MemberFieldErrors;
  formError?: "forbidden" | "generic";
  // The member a change-role or remove form was about, so its error shows on that row.
  target?: string;
  done?: { kind: "invited" | "roleChanged" | "roleUnchanged" | "removed"; email: string; role?: MemberRole };
  values: Record<string, string>;
};

function failure(error: unknown, state: Omit<MemberFormState, "fields">): MemberFormState {
  return { ...state, ...formState(error, "members", organiserRefusals) };
}

const membersPath = (locale: Locale) => `/${locale}/organiser/members`;

export async function inviteMemberAction(_previous: MemberFormState, formData: FormData): Promise<MemberFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const values = { email: text(formData, "email"), role: text(formData, "role") };
  try {
    const invited = await inviteMember({ actor, organisationId: text(formData, "organisation"), email: formData.get("email"), role: formData.get("role"), locale });
    revalidatePath(membersPath(locale));
    return { fields: {}, done: { kind: "invited", email: invited.email, role: invited.role }, values: { email: "", role: "" } };
  } catch (error) {
    return failure(error, { values });
  }
}

// One action for the rows of the member list: the pressed button says which change it is.
export async function manageMemberAction(_previous: MemberFormState, formData: FormData): Promise<MemberFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const organisationId = text(formData, "organisation");
  const member = text(formData, "member");
  const state = { target: member, values: { role: text(formData, "role") } };
  try {
    if (text(formData, "intent") === "remove") {
      const removed = await removeMember({ actor, organisationId, member });
      revalidatePath(membersPath(locale));
      return { fields: {}, done: { kind: "removed", email: removed.email }, values: {} };
    }
    const changed = await changeRole({ actor, organisationId, member, role: formData.get("role") });
    revalidatePath(membersPath(locale));
    return { fields: {}, done: { kind: changed.changed ? "roleChanged" : "roleUnchanged", email: changed.email, role: changed.to }, values: {} };
  } catch (error) {
    return failure(error, state);
  }
}
