import { sql } from "drizzle-orm";
import { jobs } from "../../db/schema.js";

/**
 * The public-listing predicate with literal constants, so the planner can match the partial
 * indexes (`WHERE status = 'OPEN' AND visibility = 'PUBLIC'`) whatever the plan cache does.
 */
export const publiclyListed = sql`${jobs.status} = 'OPEN' AND ${jobs.visibility} = 'PUBLIC'`;

/** Text search configuration of the generated `search_vector` column. */
export const SEARCH_CONFIG = sql.raw("'english'");
