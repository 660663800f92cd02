/** Longest slug: `<slug>-<id>` must stay within the 64-character id limit of GET /jobs/{jobId}. */
export const MAX_SLUG_LENGTH = 39;

/** URL slug from a title: lower case ASCII words joined by hyphens, cut at a word boundary. */
export function slugify(title: string | null | undefined): string {
  const words = (title ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_SLUG_LENGTH) {
      if (!slug) slug = w.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug || "job";
}

/** Splits a `<slug>-<id>` path value into the job id; a bare id passes through. */
export function jobIdFromPathValue(value: string): string {
  const m = /(?:^|-)(job_[A-Za-z0-9]+)$/.exec(value);
  return m ? m[1]! : value;
}
