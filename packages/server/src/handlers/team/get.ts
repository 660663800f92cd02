import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { getTeam } from "../../services/team/get-team.js";

export const get: Handler<typeof operations.teamGet> = async (ctx) => ({
  team: await getTeam(ctx, principalOf(ctx).accountId),
});
