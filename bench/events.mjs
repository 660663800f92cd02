// Events benchmarks on PostgreSQL, part of `npm run bench` (also runnable alone: `node
// bench/events.mjs`, which rewrites only the events section of docs/performance.md):
// - GET /updates p50 on an account with 1,000 and with 1,000,000 events (target: ratio < 1.5),
//   seeded with one INSERT … SELECT generate_series;
// - event-to-delivery latency p50/p99 to a local receiver (target p50 < 200 ms), events made by
//   the platform itself (a sandbox trainer applies) one at a time;
// - deliveries per second draining a backlog of outbox rows.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { markdownTable, stopProcess, table, replaceSection } from "./lib.mjs";
import {
  account as baseAccount,
  activeTrainers,
  call,
  percentile,
  publishedJob,
  sandbox,
  startPlatform,
} from "./platform.mjs";
import { startEphemeralPostgres } from "../scripts/ephemeral-postgres.mjs";
import { createIsolatedDatabase } from "../packages/testkit/dist/isolated-database.js";

const SIZES = (process.env.BENCH_UPDATES_SIZES ?? "1000,1000000").split(",").map(Number);
const POLLS = Number(process.env.BENCH_UPDATES_POLLS ?? 300);
const LATENCY_EVENTS = Number(process.env.BENCH_DELIVERY_EVENTS ?? 100);
const BACKLOG = Number(process.env.BENCH_DELIVERY_BACKLOG ?? 2000);

/** A claimed account (platform.mjs) plus a token that reads messages only. */
async function account(url) {
  const acct = await baseAccount(url);
  const messagesOnly = await sandbox(url, "POST", `/accounts/${acct.accountId}/tokens`, {
    name: "bench messages",
    scopes: ["messages:read"],
  });
  return { ...acct, messagesToken: messagesOnly.token };
}

/** `size` events for the account in one statement; one in 200 is a message. */
async function seedEvents(databaseUrl, accountId, size) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO events (account_id, type, resource_id, job_id, data, created_at)
       SELECT $1,
              CASE WHEN g % 200 = 0 THEN 'message.received'
                   ELSE (ARRAY['proposal.received','proposal.status_changed','payment.pending','contract.created'])[1 + g % 4] END,
              'res_' || g, 'job_bench', jsonb_build_object('proposalId', 'prp_' || g, 'jobId', 'job_bench'), now()
       FROM generate_series(1, $2::int) AS g`,
      [accountId, size],
    );
    await c.query("VACUUM ANALYZE events");
    // Flush the seeding's writes now, not as a checkpoint in the middle of the measurements.
    await c.query("CHECKPOINT");
    const { rows } = await c.query("SELECT max(id)::text AS max FROM events");
    return rows[0].max;
  } finally {
    await c.end();
  }
}

async function timePolls(url, token, query) {
  const times = [];
  for (let i = 0; i < POLLS; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${url}/api/public/v1/updates${query}`, { headers: { authorization: `Bearer ${token}` } });
    await res.json();
    if (res.status !== 200) throw new Error(`/updates${query}: ${res.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function updatesBench(adminUrl) {
  const rows = [];
  for (const size of SIZES) {
    const db = await createIsolatedDatabase(adminUrl);
    // Read caches off: a tail poll then reads the database, which is what grows with the log.
    const platform = await startPlatform(db.url, { OPENTRAIN_READ_CACHES: "off" });
    try {
      const acct = await account(platform.url);
      const max = await seedEvents(db.url, acct.accountId, size);
      const shapes = [
        ["tail poll from a saved cursor (all scopes)", acct.token, `?cursor=${BigInt(max) - 10n}`],
        ["first page, limit 50 (all scopes)", acct.token, ""],
        ["tail poll, messages:read only", acct.messagesToken, `?cursor=${BigInt(max) - 1000n}`],
      ];
      for (const [shape, token, query] of shapes) {
        await timePolls(platform.url, token, query); // warm-up
        const r = await timePolls(platform.url, token, query);
        rows.push({ events: size.toLocaleString("en-US"), shape, p50_ms: r.p50.toFixed(2), p95_ms: r.p95.toFixed(2) });
      }
    } finally {
      await stopProcess(platform.child);
      await db.drop();
    }
  }
  const first = SIZES[0].toLocaleString("en-US");
  for (const r of rows) {
    const base = rows.find((x) => x.events === first && x.shape === r.shape);
    r.p50_ratio = (Number(r.p50_ms) / Number(base.p50_ms)).toFixed(2);
  }
  return rows;
}

/** A receiver that answers 200 at once and reports each arrival. */
async function receiver(onHit) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      res.writeHead(200).end();
      onHit(JSON.parse(Buffer.concat(chunks).toString()), at);
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/hooks`, close: () => new Promise((r) => server.close(r)) };
}

async function deliveryBench(adminUrl) {
  const db = await createIsolatedDatabase(adminUrl);
  const platform = await startPlatform(db.url);
  let onHit = () => {};
  const recv = await receiver((event, at) => onHit(event, at));
  try {
    const acct = await account(platform.url);
    await call(platform.url, "POST", "/api/public/v1/webhooks", {
      token: acct.token,
      json: { url: recv.url, eventTypes: ["proposal.received", "message.received"] },
    });
    const jobId = await publishedJob(platform.url, acct.token);
    const trainers = await activeTrainers(platform.url);
    const n = Math.min(LATENCY_EVENTS, trainers.length);

    // Latency: one event at a time, from the event's commit time (createdAt on a fresh sandbox
    // clock is real time) to its arrival.
    const latencies = [];
    for (let i = 0; i < n; i++) {
      const arrived = new Promise((resolve) => (onHit = (event, at) => resolve(at - Date.parse(event.createdAt))));
      await sandbox(platform.url, "POST", `/trainers/${trainers[i]}/proposals`, { jobId });
      latencies.push(await arrived);
    }
    latencies.sort((a, b) => a - b);

    // Throughput: a backlog written in one transaction (events, their outbox rows, one NOTIFY), drained.
    let received = 0;
    let lastAt = 0;
    const drained = new Promise((resolve) => {
      onHit = (_event, at) => {
        received++;
        lastAt = at;
        if (received === BACKLOG) resolve();
      };
    });
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const started = Date.now();
    try {
      await c.query("BEGIN");
      await c.query(
        `WITH e AS (
           INSERT INTO events (account_id, type, resource_id, job_id, data, created_at)
           SELECT $1, 'message.received', 'cnv_' || g, NULL, jsonb_build_object('conversationId', 'cnv_' || g, 'messageId', 'msg_' || g), now()
           FROM generate_series(1, $2::int) AS g RETURNING id)
         INSERT INTO webhook_deliveries (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
         SELECT 'whd_' || replace(gen_random_uuid()::text, '-', ''), s.id, e.id, 'PENDING', 0, now(), now()
         FROM e, webhook_subscriptions s WHERE s.account_id = $1`,
        [acct.accountId, BACKLOG],
      );
      await c.query("SELECT pg_notify('opentrain_webhook_deliveries', '')");
      await c.query("COMMIT");
    } finally {
      await c.end();
    }
    await drained;
    const seconds = (lastAt - started) / 1000;
    return [
      {
        measure: `event → delivery latency (${n} events, one at a time)`,
        value: `p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`,
      },
      { measure: `deliveries per second (backlog of ${BACKLOG})`, value: `${(BACKLOG / seconds).toFixed(0)}/s` },
    ];
  } finally {
    await recv.close();
    await stopProcess(platform.child);
    await db.drop();
  }
}

/** Runs both benchmarks against the PostgreSQL server at `adminUrl`; returns the markdown section. */
export async function benchEvents(adminUrl) {
  const updates = await updatesBench(adminUrl);
  const delivery = await deliveryBench(adminUrl);
  const updCols = ["events", "shape", "p50_ms", "p95_ms", "p50_ratio"];
  process.stdout.write(
    `\nGET /updates on PostgreSQL, ${POLLS} sequential polls per shape (ratio = p50 / p50 at ${SIZES[0].toLocaleString("en-US")} events)\n${table(updates, updCols)}\n`,
  );
  process.stdout.write(`\nWebhook delivery on PostgreSQL\n${table(delivery, ["measure", "value"])}\n`);
  return `## Events (PostgreSQL)

GET /updates, ${POLLS} sequential polls per shape on one account holding all the events (target:
p50 ratio under 1.5 between 1,000 and 1,000,000 events). The messages-only token sees one event
in 200. The server runs with \`OPENTRAIN_READ_CACHES=off\`: every poll reads the database.

${markdownTable(updates, updCols)}

Webhook delivery to a local receiver that answers 200 at once (target: p50 under 200 ms):

${markdownTable(delivery, ["measure", "value"])}
`;
}

const isMain = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const server = process.env.BENCH_DATABASE_URL ? null : await startEphemeralPostgres();
  const adminUrl = process.env.BENCH_DATABASE_URL ?? server?.url;
  if (!adminUrl) throw new Error("bench/events.mjs needs PostgreSQL server binaries (apt-get install postgresql)");
  try {
    const section = await benchEvents(adminUrl);
    replaceSection("## Events (PostgreSQL)", section);
    process.stdout.write("\nUpdated the events section of docs/performance.md\n");
  } finally {
    server?.stop();
  }
}
