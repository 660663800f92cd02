// Write-path throughput on PostgreSQL, part of `npm run bench` (also runnable alone: `node
// bench/writes.mjs`, which rewrites only the writes section of docs/performance.md), next to a
// bare Fastify POST route measured in the same run:
// - message-send: POST /messages spread over BENCH_WRITE_PROPOSALS pre-hire conversations,
//   10 per conversation (the per-conversation limit is 10 a minute);
// - hire-confirm: an agent requests one hire per proposal (202 + approval), then the human
//   confirms every approval (POST /api/sandbox/v1/approvals/{id}/confirm, paid from credits):
//   the confirm is the money transaction (contract, milestone, hold, postings) measured.
// Both at BENCH_WRITE_CONNECTIONS connections (default 50), autocannon in its own process,
// every request sent once. Any non-2xx fails the run, and so does a ledger that does not
// balance afterwards (every movement's postings sum to zero; cached balances = postings).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { load, markdownTable, ROOT, startProcess, stopProcess, table, replaceSection } from "./lib.mjs";
import { account, api, publishedJob, SANDBOX_SECRET, sandbox, startPlatform } from "./platform.mjs";
import { startEphemeralPostgres } from "../scripts/ephemeral-postgres.mjs";
import { createIsolatedDatabase } from "../packages/testkit/dist/isolated-database.js";

const CONNECTIONS = Number(process.env.BENCH_WRITE_CONNECTIONS ?? 50);
const PROPOSALS = Number(process.env.BENCH_WRITE_PROPOSALS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const MESSAGES_PER_CONVERSATION = 10;
const MILESTONE_USD = 10;
/** Cents of one hire: milestone + 10 % fee + $9.95 contract fee. */
const HIRE_CHARGE_CENTS = MILESTONE_USD * 100 + MILESTONE_USD * 10 + 995;
const TOP_UP_MAX_USD = 10_000;

/** Every ACTIVE sandbox trainer (all pages). */
async function allActiveTrainers(url) {
  const out = [];
  let cursor = null;
  do {
    const page = await sandbox(url, "GET", `/trainers?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    out.push(...page.trainers.filter((x) => x.status === "ACTIVE").map((x) => x.id));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** `n` proposals on the account's jobs: every active trainer applies to job after job. */
async function proposals(url, token, n) {
  const trainers = await allActiveTrainers(url);
  const ids = [];
  while (ids.length < n) {
    const jobId = await publishedJob(url, token, { title: `Bench Bounding Boxes ${ids.length}` });
    for (const trainerId of trainers.slice(0, n - ids.length)) {
      const applied = await sandbox(url, "POST", `/trainers/${trainerId}/proposals`, { jobId });
      ids.push(applied.proposalId);
    }
  }
  return ids;
}

function checked(name, r, expected) {
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  if (expected !== null && r.requests !== expected)
    throw new Error(`${name}: ${r.requests} requests answered, expected ${expected}`);
  return r;
}

const row = (target, r, base) => ({
  target,
  requests: r.requests,
  per_second: (r.requests / r.seconds).toFixed(0),
  p50_ms: r.p50,
  p99_ms: r.p99,
  ratio: base ? (r.requests / r.seconds / (base.requests / base.seconds)).toFixed(3) : "1.000",
});

/** The ledger after the run, from the database's own rows; throws when it does not balance. */
async function auditLedger(databaseUrl, accountId, hires) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const unbalanced = await c.query(
      "SELECT movement_id FROM ledger_postings GROUP BY movement_id HAVING SUM(amount_cents) <> 0",
    );
    if (unbalanced.rowCount > 0) throw new Error(`ledger: ${unbalanced.rowCount} movements do not sum to zero`);
    const total = (await c.query("SELECT COALESCE(SUM(amount_cents), 0)::text AS s FROM ledger_postings")).rows[0].s;
    if (total !== "0") throw new Error(`ledger: postings sum to ${total}, not zero`);
    const books = await c.query(
      `SELECT
         COALESCE(SUM(amount_cents) FILTER (WHERE book = 'customer_available'), 0)::text AS available,
         COALESCE(SUM(amount_cents) FILTER (WHERE book = 'customer_reserved'), 0)::text AS reserved
       FROM ledger_postings WHERE account_id = $1`,
      [accountId],
    );
    const cached = await c.query(
      "SELECT available_cents::text AS available, reserved_cents::text AS reserved FROM credit_accounts WHERE account_id = $1",
      [accountId],
    );
    const [b, k] = [books.rows[0], cached.rows[0]];
    if (b.available !== k.available || b.reserved !== k.reserved)
      throw new Error(`ledger: cached balance ${JSON.stringify(k)} differs from the postings ${JSON.stringify(b)}`);
    const contracts = Number((await c.query("SELECT count(*) FROM contracts")).rows[0].count);
    if (contracts !== hires) throw new Error(`hire-confirm: ${contracts} contracts, expected ${hires}`);
    return `${unbalanced.rowCount} unbalanced movements, postings sum to ${total}, cached balance = postings, ${contracts} contracts`;
  } finally {
    await c.end();
  }
}

/** Runs both write benchmarks against the PostgreSQL server at `adminUrl`; returns the markdown section. */
export async function benchWrites(adminUrl) {
  const baseline = await startProcess([join(ROOT, "bench/baseline-server.mjs")], {
    ready: /(http:\/\/127\.0\.0\.1:\d+)/,
  });
  const db = await createIsolatedDatabase(adminUrl);
  const platform = await startPlatform(db.url);
  const url = platform.url;
  try {
    const acct = await account(url);
    const ids = await proposals(url, acct.token, PROPOSALS);
    const messages = [];
    const conversations = [];
    for (const id of ids) {
      const started = await api(url, "POST", `/proposals/${id}/conversation`, acct.token, {});
      conversations.push(started.conversation?.id ?? started.conversationId);
    }
    for (let i = 0; i < MESSAGES_PER_CONVERSATION; i++)
      for (const conversationId of conversations)
        messages.push({ path: "/api/public/v1/messages", body: { conversationId, content: `Bench message ${i}` } });

    // Baseline: JSON POSTs of a message's body to the bare route for BENCH_SECONDS.
    const base = checked(
      "baseline POST",
      load(`${baseline.match[1]}/constant`, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        spec: { method: "POST", repeat: true, requests: [{ path: "/constant", body: messages[0].body }] },
      }),
      null,
    );
    const sent = checked(
      "message-send",
      load(url, { connections: CONNECTIONS, token: acct.token, spec: { method: "POST", requests: messages } }),
      messages.length,
    );

    // Credits for every hire, then one pending hire approval per proposal (setup, not measured).
    let toBuy = Math.ceil((ids.length * HIRE_CHARGE_CENTS) / 100);
    while (toBuy > 0) {
      const amountUsd = Math.max(10, Math.min(TOP_UP_MAX_USD, toBuy));
      const topUp = await api(url, "POST", "/credits/top-ups", acct.token, { amountUsd });
      await sandbox(url, "POST", `/top-ups/${topUp.topUpId}/complete`, {});
      toBuy -= amountUsd;
    }
    const confirms = [];
    for (const id of ids) {
      const hire = await api(url, "POST", `/proposals/${id}/hire`, acct.token, {
        milestone: { name: "First batch", amount: MILESTONE_USD },
      });
      if (!hire.approval?.id) throw new Error(`hire ${id}: no pending approval in ${JSON.stringify(hire)}`);
      confirms.push({
        path: `/api/sandbox/v1/approvals/${hire.approval.id}/confirm`,
        body: { paymentSource: "credits" },
      });
    }
    const confirmed = checked(
      "hire-confirm",
      load(url, { connections: CONNECTIONS, token: SANDBOX_SECRET, spec: { method: "POST", requests: confirms } }),
      confirms.length,
    );
    const audit = await auditLedger(db.url, acct.accountId, confirms.length);

    const rows = [
      row("baseline: bare Fastify JSON POST", base, null),
      row(`message-send (POST /messages, ${conversations.length} conversations)`, sent, base),
      row("hire-confirm (approval confirm from credits)", confirmed, base),
    ];
    const cols = ["target", "requests", "per_second", "p50_ms", "p99_ms", "ratio"];
    process.stdout.write(
      `\nWrites on PostgreSQL at ${CONNECTIONS} connections, each request once (ratio = per second / baseline per second)\n${table(rows, cols)}\nLedger after the confirms: ${audit}\n`,
    );
    return `## Writes (PostgreSQL)

Each request sent once at ${CONNECTIONS} connections (autocannon in its own process), next to JSON
POSTs of the same body to a bare Fastify route for ${SECONDS} s in the same run. message-send posts 10 messages
into each of ${conversations.length} pre-hire conversations (the per-conversation limit is 10 a
minute); hire-confirm confirms ${confirms.length} pending hire approvals of one account, each the money
transaction (contract, milestone, credit hold, ledger postings) under the account's balance lock.
Every answer was 2xx; afterwards: ${audit}.

${markdownTable(rows, cols)}
`;
  } finally {
    await stopProcess(platform.child);
    await stopProcess(baseline.child);
    await db.drop();
  }
}

const isMain = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const server = process.env.BENCH_DATABASE_URL ? null : await startEphemeralPostgres();
  const adminUrl = process.env.BENCH_DATABASE_URL ?? server?.url;
  if (!adminUrl) throw new Error("bench/writes.mjs needs PostgreSQL server binaries (apt-get install postgresql)");
  try {
    const section = await benchWrites(adminUrl);
    replaceSection("## Writes (PostgreSQL)", section);
    process.stdout.write("\nUpdated the writes section of docs/performance.md\n");
  } finally {
    server?.stop();
  }
}
