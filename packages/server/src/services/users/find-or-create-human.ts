import { users } from "../../db/schema.js";
import { newId } from "../../ids.js";
import type { ServiceContext } from "../context.js";
import { findUserByEmail, type UserRow } from "./find-user-by-email.js";

/** "dana.ng@example.org" → Dana / Ng: a starting name the human can see, never shown to trainers. */
export function namesFromEmail(email: string): { firstName: string; lastName: string } {
  const local = email.split("@")[0] ?? "";
  const parts = local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase());
  return { firstName: parts[0] ?? "User", lastName: parts.slice(1).join(" ") };
}

/** Returns the human with this email, creating the user (sign-up) when there is none. */
export async function findOrCreateHuman(ctx: ServiceContext, email: string): Promise<UserRow> {
  const existing = await findUserByEmail(ctx, email);
  if (existing) return existing;
  const names = namesFromEmail(email);
  const [row] = await ctx.db
    .insert(users)
    .values({ id: newId("usr"), email: email.toLowerCase(), ...names, kind: "human", createdAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning();
  // A concurrent sign-up with the same email won the insert: use its row.
  return row ?? (await findUserByEmail(ctx, email))!;
}
