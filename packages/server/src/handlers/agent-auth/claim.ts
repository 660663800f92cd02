import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { startClaim } from "../../services/agent-auth/start-claim.js";

export const claim: Handler<typeof operations.agentAuthClaim> = (ctx, input) => startClaim(ctx, input);
