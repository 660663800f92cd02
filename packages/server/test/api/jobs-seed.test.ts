import { startTestServer } from "@opentrain-ai/testkit";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiOf } from "./jobs-helpers.js";

/** Ids of every seeded job (changes feed) and the newest 100 as public objects. */
const snapshot = async (api: ReturnType<typeof apiOf>) => {
  const changes = await api("GET", "/jobs/changes?since=2000-01-01", null);
  const page = await api("GET", "/jobs?limit=100", null);
  return {
    ids: changes.body.changes.map((c: { jobId: string }) => c.jobId).sort() as string[],
    newest: page.body.jobs as { id: string; title: string; companyName: string }[],
  };
};

describe("sandbox marketplace seed", () => {
  it("seeds ≥ 200 OPEN jobs from several employers, the same for the same seed", { timeout: 90_000 }, async () => {
    const a = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED: "seed-one" } });
    const b = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED: "seed-one" } });
    const c = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED: "seed-two" } });
    try {
      const [sa, sb, sc] = [await snapshot(apiOf(a)), await snapshot(apiOf(b)), await snapshot(apiOf(c))];
      expect(sa.ids.length).toBeGreaterThanOrEqual(200);
      expect(new Set(sa.newest.map((j) => j.companyName)).size).toBeGreaterThanOrEqual(8);
      const titles = (s: typeof sa) => s.newest.map((j) => `${j.id} ${j.title}`).sort();
      expect(sb.ids).toEqual(sa.ids);
      expect(titles(sb)).toEqual(titles(sa));
      expect(sc.ids).not.toEqual(sa.ids);
      const facets = await apiOf(a)("GET", "/jobs/facets", null);
      expect(facets.body.categories.length).toBeGreaterThanOrEqual(8);
      expect(facets.body.languages.length).toBeGreaterThanOrEqual(8);
      expect(facets.body.countries.length).toBeGreaterThanOrEqual(10);
      expect(facets.body.payTypes).toHaveLength(3);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("seeds once per database: a restart does not add jobs", { timeout: 60_000 }, async () => {
    if (process.env.TEST_DATABASE_URL) return; // each PostgreSQL test server gets a fresh database
    const dir = mkdtempSync(join(tmpdir(), "opentrain-seed-"));
    try {
      const first = await startTestServer({ env: { OPENTRAIN_DATA_DIR: dir } });
      const before = (await apiOf(first)("GET", "/jobs/facets", null)).body.totalJobs;
      await first.close();
      const second = await startTestServer({ env: { OPENTRAIN_DATA_DIR: dir } });
      const after = (await apiOf(second)("GET", "/jobs/facets", null)).body.totalJobs;
      await second.close();
      expect(before).toBe(240);
      expect(after).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("can be turned off", async () => {
    const t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
    try {
      expect((await apiOf(t)("GET", "/jobs/facets", null)).body.totalJobs).toBe(0);
    } finally {
      await t.close();
    }
  });

  it("is not seeded in production mode", async () => {
    const t = await startTestServer({ mode: "production" });
    try {
      expect((await apiOf(t)("GET", "/jobs/facets", null)).body.totalJobs).toBe(0);
    } finally {
      await t.close();
    }
  });
});
