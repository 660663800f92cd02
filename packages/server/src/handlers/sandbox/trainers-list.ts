import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { listSandboxTrainers } from "../../services/trainers/list-sandbox-trainers.js";

export const trainersList: Handler<typeof operations.sandboxTrainersList> = (ctx, input) =>
  listSandboxTrainers(ctx, input);
