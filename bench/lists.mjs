// Cost growth of every cursor-paged list endpoint on PostgreSQL, part of `npm run bench` (also
// runnable alone: `node bench/lists.mjs`, which rewrites only the lists section of
// docs/performance.md). For each size (1,000 and BENCH_LIST_ROWS, default 1,000,000) one account
// holds that many rows of every listed resource; each shape (first page, a deep page from a cursor
// in the middle of the list, a filter) is timed over sequential requests, both sizes' platforms up at
// once and taking turns in blocks; the ratio is p50 / p50 at the small size (target: under 1.5).
//
// Seeding: the platform makes one real row of each kind over HTTP (a published job, a trainer's
// proposal, its conversation and messages, a paid top-up), then every table gets that row cloned
// with INSERT … SELECT generate_series, so 1M rows take seconds and carry what the services expect.
// Non-unique indexes are dropped and rebuilt around each bulk insert (faster than maintaining them
// row by row) and foreign-key triggers are skipped (the clones reference rows made first). The cloned ledger entries are ADJUSTMENT rows without postings: the ledger list
// reads entries only.
//
// /updates is measured by bench/events.mjs. GET /contracts, /tokens, /webhooks and
// /payments/pending have no cursor (they answer the whole set), so they are not paged lists.
import { pathToFileURL } from "node:url";
import pg from "pg";
import { markdownTable, replaceSection, stopProcess, table } from "./lib.mjs";
import { account, activeTrainers, api, percentile, publishedJob, sandbox, startPlatform } from "./platform.mjs";
import { startEphemeralPostgres } from "../scripts/ephemeral-postgres.mjs";
import { EXPECTED_UNREADS_SQL } from "../packages/server/dist/db/expected-unreads.js";
import { createIsolatedDatabase } from "../packages/testkit/dist/isolated-database.js";

const SMALL = 1000;
const LARGE = Number(process.env.BENCH_LIST_ROWS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 200);
/** A shape stops early after this long (at least 5 requests): a slow shape must not take the run. */
const SHAPE_SECONDS = Number(process.env.BENCH_LIST_SHAPE_SECONDS ?? 10);

/** Columns an INSERT may set (not generated, not filled from a sequence). */
async function insertableColumns(c, tableName) {
  const { rows } = await c.query(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
       AND coalesce(column_default, '') NOT LIKE 'nextval%'
     ORDER BY ordinal_position`,
    [tableName],
  );
  return rows.map((r) => r.column_name);
}

/**
 * Inserts `n` copies of the row(s) of `tableName` matching `where` (one template row), with
 * `overrides` (column → SQL expression over the template `t` and the series value `g`).
 * Secondary indexes are rebuilt after the insert.
 */
async function cloneRows(c, tableName, where, overrides, n, params = []) {
  const columns = await insertableColumns(c, tableName);
  const select = columns.map((col) => overrides[col] ?? `t.${col}`);
  const { rows: indexes } = await c.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
       AND i.indexdef NOT LIKE 'CREATE UNIQUE%'`,
    [tableName],
  );
  for (const ix of indexes) await c.query(`DROP INDEX ${ix.indexname}`);
  // Autovacuum would scan the table while it fills; VACUUM ANALYZE runs once at the end.
  await c.query(`ALTER TABLE ${tableName} SET (autovacuum_enabled = false)`);
  const { rowCount } = await c.query(
    `INSERT INTO ${tableName} (${columns.join(", ")})
     SELECT ${select.join(", ")} FROM ${tableName} t, generate_series(1, ${Number(n)}) AS g WHERE ${where}`,
    params,
  );
  for (const ix of indexes) await c.query(ix.indexdef);
  await c.query(`ALTER TABLE ${tableName} RESET (autovacuum_enabled)`);
  if (rowCount !== n) throw new Error(`${tableName}: cloned ${rowCount} rows, expected ${n}`);
}

const msIso = (col) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const cursor = (key) => Buffer.from(JSON.stringify(["v1", ...key])).toString("base64url");

/** The template rows, made by the platform itself. */
export async function templates(url) {
  const acct = await account(url);
  const jobId = await publishedJob(url, acct.token);
  const [trainerId] = await activeTrainers(url);
  const applied = await sandbox(url, "POST", `/trainers/${trainerId}/proposals`, { jobId });
  const started = await api(url, "POST", `/proposals/${applied.proposalId}/conversation`, acct.token, {});
  const conversationId = started.conversation?.id ?? started.conversationId;
  await api(url, "POST", "/messages", acct.token, { conversationId, content: "Hello, can you start this week?" });
  await sandbox(url, "POST", `/trainers/${trainerId}/messages`, { conversationId, content: "Yes, Monday works." });
  await api(url, "GET", `/messages?conversationId=${conversationId}`, acct.token); // read: the marker
  const topUp = await api(url, "POST", "/credits/top-ups", acct.token, { amountUsd: 100 });
  await sandbox(url, "POST", `/top-ups/${topUp.topUpId}/complete`, {});
  return { ...acct, jobId, trainerId, proposalId: applied.proposalId, conversationId };
}

/** `n` rows of each listed resource for the template's account, in one connection. */
export async function seed(databaseUrl, tpl, n) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const started = Date.now();
  try {
    await c.query("SET maintenance_work_mem = '256MB'");
    // The clones reference rows that exist by construction: skip the per-row foreign-key triggers.
    await c.query("SET session_replication_role = replica");
    const back = (col) => `date_trunc('milliseconds', t.${col}) - g * interval '1 second'`;
    // Trainers: GIN-indexed arrays left empty (they only serve the trainer search, not measured).
    await cloneRows(
      c,
      "trainers",
      "t.id = $1",
      {
        id: "'ftr_bench_' || g",
        slug: "t.slug || '-bench-' || g",
        email: "NULL",
        language_names: "'{}'",
        label_types: "'{}'",
        data_types: "'{}'",
        skills: "'{}'",
      },
      n,
      [tpl.trainerId],
    );
    // Jobs: public and open except one in ten drafts; one in ten is an RLHF job (the q= shape).
    await cloneRows(
      c,
      "jobs",
      "t.id = $1",
      {
        id: "'job_bench_' || g",
        slug: "t.slug || '-bench-' || g",
        visibility: "'PUBLIC'",
        status: "CASE WHEN g % 10 = 5 THEN 'DRAFT' ELSE 'OPEN' END",
        title: "CASE WHEN g % 10 = 0 THEN 'RLHF preference ranking ' || g ELSE t.title || ' ' || g END",
        idempotency_key: "NULL",
        created_at: back("created_at"),
        updated_at: back("updated_at"),
        published_at: `CASE WHEN g % 10 = 5 THEN NULL ELSE ${back("published_at")} END`,
        first_published_at: `CASE WHEN g % 10 = 5 THEN NULL ELSE ${back("first_published_at")} END`,
      },
      n,
      [tpl.jobId],
    );
    // Proposals on the template job, one per cloned trainer; one in ten shortlisted.
    await cloneRows(
      c,
      "proposals",
      "t.id = $1",
      {
        id: "'prp_bench_' || g",
        trainer_id: "'ftr_bench_' || g",
        status: "CASE WHEN g % 10 = 0 THEN 'SHORTLISTED' ELSE 'UNREVIEWED' END",
        created_at: back("created_at"),
        updated_at: back("updated_at"),
      },
      n,
      [tpl.proposalId],
    );
    // Conversations (pre-hire threads of those proposals; one in ten a post-hire JOB thread),
    // each holding one trainer message the viewer has read (its marker), like an inbox kept up
    // to date; the template conversation keeps its history (below).
    await cloneRows(
      c,
      "conversations",
      "t.id = $1",
      {
        id: "'cnv_bench_' || g",
        kind: "CASE WHEN g % 10 = 0 THEN 'JOB' ELSE 'PROPOSAL' END",
        trainer_id: "'ftr_bench_' || g",
        proposal_id: "'prp_bench_' || g",
        last_message_id: "'msg_bench_last_' || g",
        last_message_at: back("last_message_at"),
        last_employer_message_id: "NULL",
        last_employer_message_at: "NULL",
        last_activity_at: back("last_activity_at"),
        created_at: back("created_at"),
        updated_at: back("updated_at"),
      },
      n,
      [tpl.conversationId],
    );
    const newest = "(SELECT id FROM messages WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1)";
    await cloneRows(
      c,
      "messages",
      `t.id = ${newest}`,
      { id: "'msg_bench_last_' || g", conversation_id: "'cnv_bench_' || g", created_at: back("created_at") },
      n,
      [tpl.conversationId],
    );
    await cloneRows(
      c,
      "conversation_reads",
      "t.conversation_id = $1",
      {
        conversation_id: "'cnv_bench_' || g",
        last_read_message_id: "'msg_bench_last_' || g",
        last_read_at: back("last_read_at"),
      },
      n,
      [tpl.conversationId],
    );
    // Messages: the template conversation's history grows back in time.
    await cloneRows(
      c,
      "messages",
      "t.id = (SELECT id FROM messages WHERE conversation_id = $1 ORDER BY created_at LIMIT 1)",
      {
        id: "'msg_bench_' || g",
        sender_kind: "CASE WHEN g % 2 = 0 THEN 'EMPLOYER' ELSE 'TRAINER' END",
        content: "'Bench message ' || g",
        created_at: back("created_at"),
      },
      n,
      [tpl.conversationId],
    );
    // Credit ledger entries: adjustments on the top-up's movement.
    await cloneRows(
      c,
      "ledger_entries",
      "t.account_id = $1 AND t.type = 'TOP_UP'",
      {
        id: "'lge_bench_' || g",
        type: "'ADJUSTMENT'",
        amount_cents: "100",
        top_up_id: "NULL",
        note: "'bench adjustment'",
        created_at: back("created_at"),
      },
      n,
      [tpl.accountId],
    );
    await c.query("SET session_replication_role = DEFAULT");
    // Replica mode also skipped the trigger that keeps job_proposal_counts: recount once.
    await c.query(`INSERT INTO job_proposal_counts AS k (job_id, total, unreviewed)
      SELECT job_id, count(*), count(*) FILTER (WHERE status = 'UNREVIEWED') FROM proposals GROUP BY job_id
      ON CONFLICT (job_id) DO UPDATE SET total = EXCLUDED.total, unreviewed = EXCLUDED.unreviewed`);
    // ...and the ones that keep conversation_unreads: rebuild it from its definition (migration 0010).
    await c.query("DELETE FROM conversation_unreads");
    await c.query(
      `INSERT INTO conversation_unreads (user_id, conversation_id, account_id, last_activity_at) ${EXPECTED_UNREADS_SQL}`,
    );
    await c.query("VACUUM ANALYZE");
    // Flush the seeding's writes now, not as a checkpoint in the middle of the measurements.
    await c.query("CHECKPOINT");
    return (Date.now() - started) / 1000;
  } finally {
    await c.end();
  }
}

/** Cursors pointing at the middle of each list, built the way the services encode them. */
export async function deepCursors(databaseUrl, tpl, n) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const mid = Math.floor(n / 2);
  const one = async (text, params) => (await c.query(text, params)).rows[0];
  try {
    const pub = await one(
      `SELECT ${msIso("published_at")} AS at, id FROM jobs WHERE status = 'OPEN' AND visibility = 'PUBLIC'
       ORDER BY published_at DESC, id DESC OFFSET $1 LIMIT 1`,
      [Math.floor(mid * 0.9)],
    );
    const mine = await one(
      `SELECT ${msIso("created_at")} AS at, id FROM jobs WHERE account_id = $1
       ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [tpl.accountId, mid],
    );
    const prop = await one(
      `SELECT ${msIso("created_at")} AS at, id FROM proposals WHERE job_id = $1
       ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [tpl.jobId, mid],
    );
    const conv = await one(
      `SELECT ${msIso("last_activity_at")} AS at, id FROM conversations WHERE account_id = $1
       ORDER BY last_activity_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [tpl.accountId, mid],
    );
    const msg = await one(
      `SELECT ${msIso("created_at")} AS at, id FROM messages WHERE conversation_id = $1
       ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [tpl.conversationId, mid],
    );
    const led = await one(`SELECT seq FROM ledger_entries WHERE account_id = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1`, [
      tpl.accountId,
      mid,
    ]);
    return {
      public: cursor([0, pub.at, pub.id]),
      mine: cursor([mine.at, mine.id]),
      proposals: cursor([prop.at, prop.id]),
      conversations: cursor([conv.at, conv.id]),
      messages: cursor([msg.at, msg.id]),
      ledger: cursor([Number(led.seq)]),
    };
  } finally {
    await c.end();
  }
}

/** [endpoint, shape, path, key of the page's array, whether the page must hold rows]. */
export function shapes(tpl, deep) {
  const cnv = tpl.conversationId;
  const q = (c) => encodeURIComponent(c);
  return [
    ["GET /jobs", "first page", "/jobs?limit=20", "jobs", true],
    ["GET /jobs", "deep page (cursor)", `/jobs?limit=20&cursor=${q(deep.public)}`, "jobs", true],
    ["GET /jobs", "q=rlhf", "/jobs?q=rlhf&limit=20", "jobs", true],
    ["GET /jobs", "category filter", `/jobs?category=${q(tpl.category)}&limit=20`, "jobs", true],
    ["GET /jobs", "language=English", "/jobs?language=English&limit=20", "jobs", true],
    ["GET /jobs", "country=DE", "/jobs?country=DE&limit=20", "jobs", true],
    ["GET /jobs/mine", "first page", "/jobs/mine?limit=25", "jobs", true],
    ["GET /jobs/mine", "deep page (cursor)", `/jobs/mine?limit=25&cursor=${q(deep.mine)}`, "jobs", true],
    ["GET /jobs/mine", "status=DRAFT", "/jobs/mine?status=DRAFT&limit=25", "jobs", true],
    ["GET /jobs/{id}/proposals", "first page", `/jobs/${tpl.jobId}/proposals?limit=25`, "proposals", true],
    [
      "GET /jobs/{id}/proposals",
      "deep page (cursor)",
      `/jobs/${tpl.jobId}/proposals?limit=25&cursor=${q(deep.proposals)}`,
      "proposals",
      true,
    ],
    [
      "GET /jobs/{id}/proposals",
      "status=SHORTLISTED",
      `/jobs/${tpl.jobId}/proposals?status=SHORTLISTED&limit=25`,
      "proposals",
      true,
    ],
    ["GET /messages", "conversations, first page", "/messages?limit=20", "conversations", true],
    [
      "GET /messages",
      "conversations, deep page (cursor)",
      `/messages?limit=20&cursor=${q(deep.conversations)}`,
      "conversations",
      true,
    ],
    ["GET /messages", "conversations, filter=job", "/messages?filter=job&limit=20", "conversations", true],
    ["GET /messages", "conversations, unreadOnly", "/messages?unreadOnly=true&limit=20", "conversations", false],
    ["GET /messages", "one conversation, newest", `/messages?conversationId=${cnv}&limit=20`, "messages", true],
    [
      "GET /messages",
      "one conversation, deep page (cursor)",
      `/messages?conversationId=${cnv}&limit=20&cursor=${q(deep.messages)}`,
      "messages",
      true,
    ],
    [
      "GET /messages",
      "one conversation, oldest (newer)",
      `/messages?conversationId=${cnv}&direction=newer&limit=20`,
      "messages",
      true,
    ],
    ["GET /credits/ledger", "first page", "/credits/ledger?limit=50", "entries", true],
    ["GET /credits/ledger", "deep page (cursor)", `/credits/ledger?limit=50&cursor=${q(deep.ledger)}`, "entries", true],
  ];
}

/** `count` sequential requests of one shape: their times in ms (fails on anything but a full page). */
async function timeRequests(url, token, path, key, mustHaveRows, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${url}/api/public/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    if (!Array.isArray(body[key])) throw new Error(`${path}: no ${key} array in ${JSON.stringify(body).slice(0, 200)}`);
    if (mustHaveRows && body[key].length === 0) throw new Error(`${path}: empty page`);
  }
  return times;
}

/** One size: an isolated database seeded with `n` rows of each resource and a platform on it. */
async function prepareSize(adminUrl, n) {
  const db = await createIsolatedDatabase(adminUrl);
  // Read caches off: the database path is what grows with the rows (a cached answer would not).
  const platform = await startPlatform(db.url, { OPENTRAIN_READ_CACHES: "off" });
  try {
    const tpl = await templates(platform.url);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    tpl.category = (await c.query("SELECT category FROM jobs WHERE id = $1", [tpl.jobId])).rows[0].category;
    await c.end();
    const seedSeconds = await seed(db.url, tpl, n);
    const deep = await deepCursors(db.url, tpl, n);
    process.stdout.write(`lists: seeded ${n.toLocaleString("en-US")} rows per table in ${seedSeconds.toFixed(0)} s\n`);
    return { n, db, platform, tpl, seedSeconds, shapes: shapes(tpl, deep) };
  } catch (err) {
    await stopProcess(platform.child);
    await db.drop();
    throw err;
  }
}

async function releaseSize(size) {
  await stopProcess(size.platform.child);
  await size.db.drop();
}

/** Requests per turn when the two sizes take turns. */
const BLOCK = 10;

/**
 * Times shape `i` on both sizes in alternating blocks of BLOCK requests, so that whatever else
 * the machine does meanwhile (a neighbour on the VM, a background flush) weighs on both sizes
 * alike: measured one size after the other, minutes apart, single shapes swung between ~3.4 and
 * ~5.4 ms p50 from run to run at either size.
 */
async function timeShapeInterleaved(sizes, i) {
  const times = sizes.map(() => []);
  for (const s of sizes) {
    const [, , path, key, mustHaveRows] = s.shapes[i];
    await timeRequests(s.platform.url, s.tpl.token, path, key, mustHaveRows, Math.min(20, REQUESTS)); // warm-up
  }
  const deadline = Date.now() + SHAPE_SECONDS * 1000 * sizes.length;
  while (times[0].length < REQUESTS && (times[0].length < BLOCK || Date.now() < deadline)) {
    const take = Math.min(BLOCK, REQUESTS - times[0].length);
    for (const [k, s] of sizes.entries()) {
      const [, , path, key, mustHaveRows] = s.shapes[i];
      times[k].push(...(await timeRequests(s.platform.url, s.tpl.token, path, key, mustHaveRows, take)));
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { p50: percentile(t, 50), p95: percentile(t, 95), n: t.length };
  });
}

/** Runs the list benchmarks against the PostgreSQL server at `adminUrl`; returns the markdown section. */
export async function benchLists(adminUrl) {
  const sizes = [await prepareSize(adminUrl, SMALL)];
  const small = { rows: [], seedSeconds: sizes[0].seedSeconds };
  const large = { rows: [], seedSeconds: 0 };
  try {
    sizes.push(await prepareSize(adminUrl, LARGE));
    large.seedSeconds = sizes[1].seedSeconds;
    for (let i = 0; i < sizes[0].shapes.length; i++) {
      const [endpoint, shape] = sizes[0].shapes[i];
      const measured = await timeShapeInterleaved(sizes, i);
      [small, large].forEach((into, k) =>
        into.rows.push({
          rows: sizes[k].n.toLocaleString("en-US"),
          endpoint,
          shape,
          p50_ms: measured[k].p50.toFixed(2),
          p95_ms: measured[k].p95.toFixed(2),
          requests: measured[k].n,
        }),
      );
    }
  } finally {
    for (const s of sizes) await releaseSize(s);
  }
  const rows = [...small.rows, ...large.rows];
  for (const r of large.rows) {
    const base = small.rows.find((x) => x.endpoint === r.endpoint && x.shape === r.shape);
    r.p50_ratio = (Number(r.p50_ms) / Number(base.p50_ms)).toFixed(2);
  }
  for (const r of small.rows) r.p50_ratio = "1.00";
  const over = large.rows.filter((r) => Number(r.p50_ratio) >= 1.5);
  const cols = ["rows", "endpoint", "shape", "requests", "p50_ms", "p95_ms", "p50_ratio"];
  const large$ = LARGE.toLocaleString("en-US");
  process.stdout.write(
    `\nList endpoints on PostgreSQL, ${REQUESTS} sequential requests per shape (ratio = p50 / p50 at ${SMALL.toLocaleString("en-US")} rows)\n${table(rows, cols)}\n`,
  );
  if (over.length > 0)
    process.stdout.write(`\nOver the 1.5 target: ${over.map((r) => `${r.endpoint} ${r.shape}`).join("; ")}\n`);
  return `## List endpoints (PostgreSQL)

Every cursor-paged list endpoint, ${REQUESTS} sequential requests per shape and size (fewer when a
shape takes over ${SHAPE_SECONDS} s), the two sizes taking turns in blocks of ${BLOCK} so that the
machine's drift weighs on both alike, on one account holding
${SMALL.toLocaleString("en-US")} or ${large$} rows of each resource (jobs, proposals on one job,
conversations each holding one trainer message the viewer has read, messages in one conversation,
credit ledger entries; seeded in
${large.seedSeconds.toFixed(0)} s). The server runs with \`OPENTRAIN_READ_CACHES=off\`, so every request
reads the database (the per-process caches would answer repeats from memory whatever the size).
Target: p50 ratio under 1.5. Deep pages start from a cursor in the
middle of the list. GET /updates is in the events section.

${markdownTable(rows, cols)}

Over the 1.5 target in this run: ${over.length === 0 ? "none" : over.map((r) => `${r.endpoint} ${r.shape} (${r.p50_ratio})`).join("; ")}.
`;
}

const isMain = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const server = process.env.BENCH_DATABASE_URL ? null : await startEphemeralPostgres();
  const adminUrl = process.env.BENCH_DATABASE_URL ?? server?.url;
  if (!adminUrl) throw new Error("bench/lists.mjs needs PostgreSQL server binaries (apt-get install postgresql)");
  try {
    const section = await benchLists(adminUrl);
    replaceSection("## List endpoints (PostgreSQL)", section);
    process.stdout.write("\nUpdated the lists section of docs/performance.md\n");
  } finally {
    server?.stop();
  }
}
