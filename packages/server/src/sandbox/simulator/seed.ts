import { createHash } from "node:crypto";
import type { JobRow } from "../../services/jobs/fields.js";
import { fieldsOf } from "../../services/jobs/fields.js";

/**
 * The simulation seed of a job: the sandbox seed and the job's content (every update key), not
 * its random id, so the same job text published on another sandbox with the same seed draws the
 * same applicants, bids, interviews and timings (agents' tests can rely on it).
 */
export function simulationSeed(sandboxSeed: string, job: JobRow): string {
  return createHash("sha256")
    .update(JSON.stringify([sandboxSeed, fieldsOf(job)]))
    .digest("hex")
    .slice(0, 32);
}
