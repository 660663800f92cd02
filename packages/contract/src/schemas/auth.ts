import { z } from "zod";
import { SCOPES } from "../scopes.js";
import { isoTimestamp } from "./common.js";

export const memberRoleSchema = z.enum(["OWNER", "MEMBER"]);

export const authMeSchema = z.object({
  actor: z.object({
    userId: z.string(),
    email: z.string().nullable().describe("The user's own login email; null for an unclaimed agent"),
    firstName: z.string(),
    lastName: z.string(),
    fullName: z.string(),
    userType: z.enum(["EMPLOYER"]),
  }),
  token: z.object({
    id: z.string(),
    label: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    ownerOrganizationId: z.string().nullable(),
  }),
  account: z.object({
    id: z.string().describe("Account id (same as organizationId); used by the sandbox helpers"),
    kind: z.enum(["employer_organization"]),
    organizationId: z.string(),
    organizationName: z.string(),
    ownerUserId: z.string(),
    memberRole: memberRoleSchema,
    claimed: z.boolean().describe("Whether a human has claimed this account"),
    claimedAt: isoTimestamp.nullable(),
  }),
});
export type AuthMe = z.infer<typeof authMeSchema>;
