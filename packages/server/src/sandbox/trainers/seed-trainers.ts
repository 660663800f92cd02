import { eq, sql } from "drizzle-orm";
import { sandboxState, trainerReviews, trainers } from "../../db/schema.js";
import type { ServiceContext } from "../../services/context.js";
import { generateSeedTrainers, SANDBOX_TRAINER_COUNT } from "./generate.js";

const SEED_STATE_KEY = "seed:trainers";
/** Advisory lock that serialises trainer seeding across server processes sharing one database. */
const SEED_LOCK = 87_870_003;
const DAY = 86_400_000;

/**
 * Inserts the sandbox trainer pool once per database. Several processes may start together:
 * the advisory lock serialises them and the marker row makes it idempotent. Returns the number
 * of trainers inserted (0 when already seeded).
 */
export async function seedTrainers(ctx: ServiceContext, opts: { seed: string; count?: number }): Promise<number> {
  const count = opts.count ?? SANDBOX_TRAINER_COUNT;
  if (count <= 0) return 0;
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const [done] = await tx.select().from(sandboxState).where(eq(sandboxState.key, SEED_STATE_KEY)).limit(1);
    if (done) return 0;
    const now = ctx.clock.now();
    const pool = generateSeedTrainers(opts.seed, count, now);
    for (let i = 0; i < pool.length; i += 50) {
      await tx
        .insert(trainers)
        .values(pool.slice(i, i + 50).map((t) => t.row))
        .onConflictDoNothing();
    }
    const reviews = pool.flatMap((t) =>
      t.reviews.map((r) => ({
        id: r.id,
        trainerId: t.row.id,
        rating: r.rating,
        comment: r.comment,
        clientName: r.clientName,
        jobTitle: r.jobTitle,
        contractId: null,
        createdAt: new Date(now.getTime() - r.daysAgo * DAY),
      })),
    );
    for (let i = 0; i < reviews.length; i += 200) {
      await tx
        .insert(trainerReviews)
        .values(reviews.slice(i, i + 200))
        .onConflictDoNothing();
    }
    await tx
      .insert(sandboxState)
      .values({ key: SEED_STATE_KEY, value: { seed: opts.seed, trainers: pool.length, seededAt: now.toISOString() } });
    return pool.length;
  });
}
