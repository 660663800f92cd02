import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { pollClaimToken } from "../../services/agent-auth/poll-claim-token.js";

export const token: Handler<typeof operations.agentAuthToken> = (ctx, input) => pollClaimToken(ctx, input);
