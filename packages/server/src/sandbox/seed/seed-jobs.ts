import type { JobFields } from "@opentrain-ai/contract";
import { eq, sql } from "drizzle-orm";
import { accounts, jobChanges, jobs, memberships, sandboxState, users } from "../../db/schema.js";
import type { Db } from "../../db/client.js";
import type { ServiceContext } from "../../services/context.js";
import { listingChanged } from "../../services/jobs/listing-cache.js";
import { columnsOf, normalizeFields } from "../../services/jobs/fields.js";
import { slugify } from "../../services/jobs/slug.js";
import { Prng } from "./prng.js";
import {
  SEED_CLOSERS,
  SEED_DURATIONS,
  SEED_EMPLOYERS,
  SEED_LANGUAGES,
  SEED_TEMPLATES,
  SEED_WORKLOADS,
  type SeedTemplate,
} from "./templates.js";

const SEED_STATE_KEY = "seed:marketplace";
/** Advisory lock that serialises seeding across server processes sharing one database. */
const SEED_LOCK = 87_870_002;

export interface SeedJob {
  id: string;
  employer: number;
  fields: JobFields;
  skills: string[];
  /** Minutes before the seeding moment the job was published. */
  publishedMinutesAgo: number;
  draftedMinutesBefore: number;
}

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k);

function round(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function rate(prng: Prng, min: number, max: number): number {
  const v = min + prng.next() * (max - min);
  if (max <= 1) return Number(v.toFixed(v < 0.1 ? 3 : 2));
  if (max <= 100) return Math.round(v * 2) / 2;
  return round(v, 50);
}

function oneJob(prng: Prng): SeedJob {
  const template: SeedTemplate = prng.weighted(SEED_TEMPLATES.map((t) => [t, t.weight] as const));
  const language = template.languageBound
    ? prng.weighted(SEED_LANGUAGES.map((l) => [l, l.weight] as const))
    : SEED_LANGUAGES[0]!;
  const domain = prng.pick(template.domains);
  const vars = { lang: language.name, domain };
  const title = fill(prng.pick(template.titles), vars);
  const labelTypes = prng.pick(template.labelTypes);
  const pay = prng.weighted(template.pay.map((p) => [p, p.weight] as const));
  const amount = rate(prng, pay.min, pay.max);
  const headcount = prng.weighted([
    [1, 2],
    [2, 3],
    [3, 3],
    [5, 4],
    [10, 3],
    [20, 2],
    [50, 1],
  ] as const);
  const paragraphs = [
    fill(prng.pick(template.intro), vars),
    fill(prng.pick(template.task), vars),
    prng.sample(SEED_CLOSERS, 2).join(" "),
  ];
  let countries: string[] = [];
  const where = prng.next();
  if (template.languageBound && language.name !== "English" && where < 0.6) {
    countries = prng.sample(language.countries, prng.int(1, Math.min(3, language.countries.length)));
  } else if (where < 0.35) {
    countries = prng.sample(["US", "CA", "GB", "IE", "AU", "IN", "PH", "NG", "KE", "ZA", "DE", "PL"], prng.int(1, 3));
  }
  const fields: JobFields = {
    jobTitle: title,
    jobDescription: paragraphs.join("\n\n"),
    dataType: template.dataType,
    subjectMatter: domain,
    labelingSoftware: prng.pick(template.tools),
    headcount,
    experienceLevel: prng.weighted(template.experience),
    paymentType: pay.type,
    ...(pay.type === "PAY_PER_HOUR"
      ? { pricePerHour: amount }
      : pay.type === "PAY_PER_LABEL"
        ? { pricePerLabel: amount }
        : { fixedPrice: amount }),
    dataVolumeUnit: template.volume?.unit ?? "UNKNOWN_NOT_SPECIFIED",
    ...(template.volume
      ? { dataVolume: round(prng.int(template.volume.min, template.volume.max), template.volume.step) }
      : {}),
    languages: template.languageBound ? [language.name] : prng.chance(0.7) ? ["English"] : [],
    countries,
    labelTypes,
    workloadDesc: prng.pick(SEED_WORKLOADS),
    projectDuration: prng.pick(SEED_DURATIONS),
  };
  if (pay.type === "PAY_PER_HOUR" && prng.chance(0.2)) {
    fields.budgetRange = { min: amount, max: amount + prng.int(2, 10) };
  }
  return {
    id: `job_${prng.id(20)}`,
    employer: prng.int(0, SEED_EMPLOYERS.length - 1),
    fields: normalizeFields(fields),
    skills: [
      ...(template.languageBound && language.name !== "English" ? [language.name] : []),
      ...(prng.chance(0.5) ? [fields.labelingSoftware!] : []),
    ].filter((s) => s !== "OTHER"),
    publishedMinutesAgo: prng.int(10, 30 * 24 * 60),
    draftedMinutesBefore: prng.int(5, 72 * 60),
  };
}

/** The deterministic marketplace of a seed: same seed, same jobs (ids, text, pay, order). */
export function generateSeedJobs(seed: string, count: number): SeedJob[] {
  const prng = new Prng(seed);
  return Array.from({ length: count }, () => oneJob(prng));
}

/**
 * Inserts the seeded employers and their OPEN jobs once per database. Several processes may
 * start together: an advisory lock serialises them and the marker row makes it idempotent.
 * Returns the number of jobs inserted (0 when already seeded).
 */
export async function seedMarketplace(ctx: ServiceContext, opts: { seed: string; jobs: number }): Promise<number> {
  if (opts.jobs <= 0) return 0;
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const [done] = await tx.select().from(sandboxState).where(eq(sandboxState.key, SEED_STATE_KEY)).limit(1);
    if (done) return 0;
    const now = ctx.clock.now();
    const prng = new Prng(`${opts.seed}:employers`);
    const employerIds = SEED_EMPLOYERS.map((e, i) => ({
      accountId: `acc_seed${String(i).padStart(2, "0")}${prng.id(12)}`,
      userId: `usr_seed${String(i).padStart(2, "0")}${prng.id(12)}`,
      ...e,
    }));
    const joined = new Date(now.getTime() - 90 * 86_400_000);
    for (const e of employerIds) {
      await tx
        .insert(users)
        .values({
          id: e.userId,
          email: `hiring@${e.domain}`,
          firstName: "Hiring",
          lastName: "Team",
          kind: "human",
          createdAt: joined,
        })
        .onConflictDoNothing();
      await tx
        .insert(accounts)
        .values({ id: e.accountId, name: e.name, ownerUserId: e.userId, claimedAt: joined, createdAt: joined })
        .onConflictDoNothing();
      await tx
        .insert(memberships)
        .values({ accountId: e.accountId, userId: e.userId, role: "OWNER", joinedAt: joined })
        .onConflictDoNothing();
    }
    const seedJobs = generateSeedJobs(opts.seed, opts.jobs);
    const rows = seedJobs.map((j) => {
      const publishedAt = new Date(now.getTime() - j.publishedMinutesAgo * 60_000);
      const createdAt = new Date(publishedAt.getTime() - j.draftedMinutesBefore * 60_000);
      const employer = employerIds[j.employer]!;
      return {
        id: j.id,
        accountId: employer.accountId,
        createdByUserId: employer.userId,
        status: "OPEN" as const,
        slug: slugify(j.fields.jobTitle),
        ...columnsOf(j.fields, { skills: j.skills }),
        importFormat: "text",
        importReport: {},
        moderationDecision: "ALLOW" as const,
        moderationReasons: [],
        moderatedAt: publishedAt,
        createdAt,
        updatedAt: publishedAt,
        firstPublishedAt: publishedAt,
        publishedAt,
      };
    });
    for (let i = 0; i < rows.length; i += 100) {
      const batch = rows.slice(i, i + 100);
      await tx.insert(jobs).values(batch).onConflictDoNothing();
      await tx
        .insert(jobChanges)
        .values(batch.map((r) => ({ jobId: r.id, eventType: "PUBLISHED" as const, occurredAt: r.publishedAt })));
    }
    // Other processes already serving may hold answers from before the seed.
    await listingChanged({ ...ctx, db: tx as unknown as Db });
    await tx
      .insert(sandboxState)
      .values({ key: SEED_STATE_KEY, value: { seed: opts.seed, jobs: rows.length, seededAt: now.toISOString() } });
    return rows.length;
  });
}
