import type { Config } from "../../config.js";

/** Public listing URL: `<publicUrl>/jobs/<slug>-<id>`. */
export function jobUrl(config: Pick<Config, "publicUrl">, job: { id: string; slug: string }): string {
  return `${config.publicUrl}/jobs/${job.slug}-${job.id}`;
}

/** In-app draft editor (spec 20 §14: the `jobId` query key). */
export function draftUrl(config: Pick<Config, "publicUrl">, jobId: string): string {
  return `${config.publicUrl}/job-post?jobId=${encodeURIComponent(jobId)}`;
}

export function applyUrl(config: Pick<Config, "publicUrl">, jobId: string): string {
  return `${config.publicUrl}/api/out?job=${encodeURIComponent(jobId)}&src=www_seo`;
}
