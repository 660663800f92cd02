import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { registerAgent } from "../../services/agent-auth/register-agent.js";

export const register: Handler<typeof operations.agentAuthRegister> = (ctx, input) => registerAgent(ctx, input);
