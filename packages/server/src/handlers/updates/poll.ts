import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { pollUpdates } from "../../services/updates/poll-updates.js";

export const poll: Handler<typeof operations.updatesPoll> = (ctx, input) => pollUpdates(ctx, principalOf(ctx), input);
