import type { RunFn } from "../types.js";
import { listConversations } from "./list.js";

/** `opentrain messages unread`: `messages list --unread-only`. */
export const run: RunFn = (ctx, inv) => listConversations(ctx, inv, true);
