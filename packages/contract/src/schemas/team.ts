import { z } from "zod";
import { isoTimestamp } from "./common.js";
import { memberRoleSchema } from "./auth.js";

export const teamSchema = z.object({
  organization: z.object({
    id: z.string(),
    name: z.string(),
    ownerUserId: z.string(),
    ownerName: z.string(),
  }),
  members: z.array(
    z.object({
      userId: z.string(),
      role: memberRoleSchema,
      name: z.string(),
      email: z.string().nullable(),
      joinedAt: isoTimestamp,
    }),
  ),
  invites: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      createdAt: isoTimestamp,
      expiresAt: isoTimestamp,
    }),
  ),
});
export type Team = z.infer<typeof teamSchema>;
