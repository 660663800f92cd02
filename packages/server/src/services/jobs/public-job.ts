import type { PublicJob } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { Config } from "../../config.js";
import { fromMicros, type JobRow } from "./fields.js";
import { applyUrl, jobUrl } from "./urls.js";

/** A listing stays valid for 56 days after it was (re)published (spec 20 §8, inferred). */
export const LISTING_DAYS = 56;

const EXPERIENCE_LABELS: Record<string, string> = {
  EXPERT: "Expert",
  ENTRY_LEVEL: "Entry Level",
  INTERMEDIATE: "Intermediate",
  ANY_EXPERIENCE_LEVEL: "Any Experience Level",
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Plain text to safe HTML: blank-line paragraphs, `- ` / `* ` bullet lists, line breaks. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split("\n").map((l) => l.trim());
      if (lines.every((l) => /^[-*•]\s+/.test(l))) {
        return `<ul>${lines.map((l) => `<li>${escapeHtml(l.replace(/^[-*•]\s+/, ""))}</li>`).join("")}</ul>`;
      }
      return `<p>${lines.map(escapeHtml).join("<br>")}</p>`;
    })
    .join("");
}

/** First sentence of the description, at most 200 characters. */
export function summarize(text: string): string | null {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return null;
  const sentence = /^(.{20,200}?[.!?])(?:\s|$)/.exec(flat)?.[1];
  if (sentence) return sentence;
  return flat.length <= 200 ? flat : `${flat.slice(0, 197).replace(/\s+\S*$/, "")}…`;
}

/** The public job object of the tokenless marketplace (spec 20 §8). */
export function toPublicJob(row: JobRow, companyName: string, config: Pick<Config, "publicUrl">): PublicJob {
  const posted = row.publishedAt ?? row.createdAt;
  const paymentType = (row.paymentType ?? "PAY_PER_HOUR") as PublicJob["pay"]["paymentType"];
  const hourly = paymentType === "PAY_PER_HOUR";
  const ranged = hourly && row.budgetMinMicros !== null && row.budgetMaxMicros !== null;
  const rangeIsSpread = ranged && row.budgetMinMicros !== row.budgetMaxMicros;
  const description = row.description ?? "";
  return {
    id: row.id,
    slug: row.slug,
    title: row.title ?? "Untitled job",
    companyName,
    descriptionText: description,
    descriptionHtml: textToHtml(description),
    seoTitle: null,
    summary: summarize(description),
    status: "OPEN",
    datePosted: iso(posted),
    validThrough: iso(new Date(posted.getTime() + LISTING_DAYS * 86_400_000)),
    updatedAt: iso(row.updatedAt),
    employmentTypes: ["CONTRACTOR"],
    countries: row.countries,
    languages: row.languages,
    category: row.category,
    dataType: row.dataType ?? "Other",
    labelTypes: row.labelTypes,
    labelingSoftware: row.labelingSoftware,
    experienceLevel: EXPERIENCE_LABELS[row.experienceLevel ?? ""] ?? "Any Experience Level",
    skills: row.skills,
    pay: {
      paymentType,
      currency: "USD",
      hourlyRate: hourly && !rangeIsSpread ? fromMicros(row.pricePerHourMicros) : null,
      hourlyMin: rangeIsSpread ? fromMicros(row.budgetMinMicros) : null,
      hourlyMax: rangeIsSpread ? fromMicros(row.budgetMaxMicros) : null,
      fixedPrice: paymentType === "FIXED_PRICE" ? fromMicros(row.fixedPriceMicros) : null,
      perLabelRate: paymentType === "PAY_PER_LABEL" ? fromMicros(row.pricePerLabelMicros) : null,
    },
    url: jobUrl(config, row),
    applyUrl: applyUrl(config, row.id),
  };
}
