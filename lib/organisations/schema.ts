import { z } from "zod";
import { organiserEmailSchema } from "../auth/organiser-email";
import type { MemberRole } from "../generated/prisma/enums";

// Messages are keys of "OrganiserMembers.errors", shown per field in the owner's language.
export const memberRoles = ["OWNER", "ORGANISER", "VIEWER"] as const satisfies readonly MemberRole[];

const role = z.enum(memberRoles, { error: "roleInvalid" });
const member = z.string({ error: "memberNotFound" }).trim().min(1, "memberNotFound").max(64, "memberNotFound");

export const inviteMemberSchema = z.object({ email: organiserEmailSchema, role });
export const changeRoleSchema = z.object({ member, role });
export const removeMemberSchema = z.object({ member });

export type MemberField = "email" | "role" | "member";

const memberErrorKeys = ["emailRequired", "emailInvalid", "roleInvalid", "memberNotFound", "alreadyMember", "lastOwner", "invalidValue"] as const;
type MemberErrorKey = (typeof memberErrorKeys)[number];
export type MemberFieldErrors = Partial<Record<MemberField, MemberErrorKey>>;

// Each field's first problem, as a translation key; anything unforeseen becomes "invalidValue".
export function memberFieldErrors(error: z.ZodError): MemberFieldErrors {
  const result: MemberFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as MemberField | undefined;
    if (!field || result[field]) continue;
    result[field] = (memberErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as MemberErrorKey) : "invalidValue";
  }
  return result;
}
