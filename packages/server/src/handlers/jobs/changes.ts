import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { listPublicChanges } from "../../services/jobs/list-public-changes.js";

export const changes: Handler<typeof operations.jobsChanges> = (ctx, input) => listPublicChanges(ctx, input.since);
