// `npm run bench:search`: GET /jobs?q=… latency on 1,000 and on 100,000 public jobs, on
// PostgreSQL. The larger marketplace is the seeded one cloned with variations, so term
// frequencies grow with the table, the case where a search that is not index-served shows it.
import pg from "pg";
import { join } from "node:path";
import { markdownTable, ROOT, startProcess, stopProcess, table } from "./lib.mjs";
import { startEphemeralPostgres } from "../scripts/ephemeral-postgres.mjs";
import { createIsolatedDatabase } from "../packages/testkit/dist/isolated-database.js";

const SIZES = (process.env.BENCH_SEARCH_SIZES ?? "1000,100000").split(",").map(Number);
const REQUESTS = Number(process.env.BENCH_SEARCH_REQUESTS ?? 200);
const QUERIES = ["spanish transcription", "bounding box", "medical imaging", "rlhf", "sentiment", "lidar"];

/** Fills the jobs table up to `size` OPEN public jobs by cloning the seeded ones. */
async function grow(url, size) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'jobs' AND is_generated = 'NEVER' ORDER BY ordinal_position",
    );
    const columns = rows.map((r) => r.column_name);
    const { rows: countRows } = await client.query("SELECT count(*)::int AS n FROM jobs WHERE status = 'OPEN'");
    const seeded = countRows[0].n;
    if (seeded === 0) throw new Error("no seeded jobs to clone");
    const copies = Math.max(0, Math.ceil((size - seeded) / seeded));
    const override = {
      id: "'job_b' || g || '_' || substr(id, 5)",
      slug: "slug || '-' || g",
      title:
        "title || ' ' || (ARRAY['batch','phase','wave','round','sprint','cohort','pilot','stage'])[1 + g % 8] || ' ' || g",
      published_at: "published_at - make_interval(mins => g)",
      first_published_at: "published_at - make_interval(mins => g)",
      created_at: "created_at - make_interval(mins => g)",
      updated_at: "updated_at - make_interval(mins => g)",
      external_id: "NULL",
      idempotency_key: "NULL",
      idempotency_body_hash: "NULL",
    };
    const select = columns.map((c) => override[c] ?? c).join(", ");
    if (copies > 0) {
      await client.query(
        `INSERT INTO jobs (${columns.join(", ")}) SELECT ${select} FROM jobs, generate_series(1, ${copies}) AS g WHERE status = 'OPEN' AND visibility = 'PUBLIC'`,
      );
    }
    // Trim to the exact size so both runs compare like with like.
    await client.query(
      `UPDATE jobs SET status = 'ARCHIVED', closed_at = now() WHERE id IN (
         SELECT id FROM jobs WHERE status = 'OPEN' ORDER BY published_at ASC OFFSET ${size})`,
    );
    await client.query("VACUUM ANALYZE jobs");
    const { rows: final } = await client.query(
      "SELECT count(*)::int AS n FROM jobs WHERE status = 'OPEN' AND visibility = 'PUBLIC'",
    );
    return final[0].n;
  } finally {
    await client.end();
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Warm: the same six queries again and again, as a marketplace sees popular searches (their
 * ranked windows are cached until the listing changes). Cold: every request a query never seen
 * before with the same matches (an "or" of a term nothing contains), so each one runs the full
 * index search.
 */
async function measure(baseUrl, cold) {
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const q = cold
      ? `${QUERIES[i % QUERIES.length]} or zqx${i}n${Math.random().toString(36).slice(2, 8)}`
      : QUERIES[i % QUERIES.length];
    const start = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/api/public/v1/jobs?q=${encodeURIComponent(q)}&limit=20`);
    const body = await res.json();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (res.status !== 200 || !Array.isArray(body.jobs))
      throw new Error(`search failed: ${res.status} ${JSON.stringify(body)}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const pgServer = await startEphemeralPostgres();
if (!pgServer) throw new Error("bench:search needs PostgreSQL server binaries (apt-get install postgresql)");
const results = [];
try {
  for (const size of SIZES) {
    const db = await createIsolatedDatabase(pgServer.url);
    const platform = await startProcess([join(ROOT, "packages/server/dist/bin.js")], {
      env: {
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: db.url,
        LOG_LEVEL: "warn",
        OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: "10000000",
      },
      ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    });
    try {
      const jobs = await grow(db.url, size);
      await measure(platform.match[1], false); // warm-up
      const warm = await measure(platform.match[1], false);
      const cold = await measure(platform.match[1], true);
      results.push({
        jobs,
        p50_ms: warm.p50.toFixed(2),
        p95_ms: warm.p95.toFixed(2),
        cold_p50_ms: cold.p50.toFixed(2),
        cold_p95_ms: cold.p95.toFixed(2),
      });
    } finally {
      await stopProcess(platform.child);
      await db.drop();
    }
  }
} finally {
  pgServer.stop();
}
for (const r of results) {
  r.p95_growth = (Number(r.p95_ms) / Number(results[0].p95_ms)).toFixed(2);
  r.cold_p95_growth = (Number(r.cold_p95_ms) / Number(results[0].cold_p95_ms)).toFixed(2);
}
const columns = ["jobs", "p50_ms", "p95_ms", "p95_growth", "cold_p50_ms", "cold_p95_ms", "cold_p95_growth"];
process.stdout.write(
  `\nGET /jobs?q=… on PostgreSQL, ${REQUESTS} sequential requests over ${QUERIES.length} queries (warm: repeated; cold: each query new)\n${table(results, columns)}\n`,
);
process.stdout.write(`\n${markdownTable(results, columns)}\n`);
