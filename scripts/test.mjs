// The README's test command (`npm test`): every suite on PGlite, then the HTTP API suite again
// on a real PostgreSQL server (TEST_DATABASE_URL, or a throwaway cluster started here).
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEphemeralPostgres } from "./ephemeral-postgres.mjs";

const passthrough = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };

function vitest(project, env) {
  const report = join(tmpdir(), `opentrain-vitest-${project}-${process.pid}.json`);
  const res = spawnSync(
    "npx",
    [
      "vitest",
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
      ...passthrough,
    ],
    { stdio: "inherit", env: { ...process.env, ...env } },
  );
  try {
    const r = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    rmSync(report, { force: true });
  } catch {
    totals.failed += 1; // the run died before reporting
  }
  return res.status === 0;
}

let ok = vitest("default", {});

let pg = null;
let url = process.env.TEST_DATABASE_URL;
if (!url && process.env.OPENTRAIN_SKIP_POSTGRES !== "1") {
  pg = await startEphemeralPostgres();
  if (!pg) {
    process.stderr.write(
      "\nPostgreSQL suite: no PostgreSQL server binaries found. Install them (apt-get install postgresql),\n" +
        "set TEST_DATABASE_URL to a server you own, or set OPENTRAIN_SKIP_POSTGRES=1 to skip this suite.\n",
    );
    ok = false;
  } else {
    url = pg.url;
  }
}
if (url) {
  process.stdout.write(`\nPostgreSQL suite against ${url.replace(/:[^:@/]*@/, ":***@")}\n`);
  try {
    ok = vitest("postgres", { TEST_DATABASE_URL: url }) && ok;
  } finally {
    pg?.stop();
  }
}

process.stdout.write(`\nAll suites: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
