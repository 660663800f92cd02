import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { describeMe } from "../../services/accounts/describe-me.js";

export const me: Handler<typeof operations.authMe> = (ctx) => describeMe(principalOf(ctx));
