import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";

/**
 * The job journey of the issue, through the BUILT binaries against an in-process server:
 * draft from a plain-text brief → answer the missing field → publish → find it in public
 * search → a live edit that moderation blocks (back to DRAFT) → list the drafts → close.
 * Once with the `opentrain` CLI, once with an MCP client driving `opentrain-mcp` over stdio.
 * The binaries run as child processes without blocking the event loop (the server is here).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = join(root, "packages/cli/dist/bin.js");
const MCP = join(root, "packages/mcp/dist/bin.js");

let t: TestServer;
const homes: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
}, 120_000);

afterAll(async () => {
  await t?.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** A fresh config home (credentials file) and the environment of a clean shell using it. */
function freshEnv(): { home: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), "opentrain-jobs-journey-"));
  homes.push(home);
  return {
    home,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: home,
      XDG_CONFIG_HOME: home,
      OPENTRAIN_API_BASE_URL: t.baseUrl,
      NO_COLOR: "1",
    },
  };
}

describe("job journey through the CLI", () => {
  it("drafts, answers, publishes, finds, gets blocked, lists and closes", { timeout: 180_000 }, async () => {
    const { home, env } = freshEnv();
    const opentrain = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
        execFile(process.execPath, [CLI, ...args], { env, timeout: 90_000 }, (err, stdout, stderr) => {
          const code = err ? ((err as { code?: unknown }).code ?? 1) : 0;
          done({ code: typeof code === "number" ? code : 1, stdout, stderr });
        });
      });

    const reg = await opentrain(["auth", "register", "--agent-name", "Jobs journey", "--org-name", "Fjord Labs"]);
    expect(reg.code, reg.stderr).toBe(0);

    // 1. A realistic brief that says everything but the experience level.
    const brief = join(home, "brief.txt");
    const description =
      "Norwegian Podcast Transcription (Fjordline project)\n\n" +
      "We are looking for 4 native Norwegian speakers to transcribe roughly 120 hours of Fjordline podcast audio " +
      "verbatim, with speaker labels and timestamps. Work happens in Label Studio. Pay is $18/hour. The project runs " +
      "for about six weeks; trainers should be able to commit 15 hours per week.";
    writeFileSync(brief, description);
    const created = await opentrain([
      "jobs",
      "draft",
      "create",
      "--description-file",
      brief,
      "--idempotency-key",
      "fjordline-v1",
    ]);
    expect(created.code, created.stderr).toBe(0);
    const jobId = /^Job ID:\s+(job_\w+)$/m.exec(created.stdout)?.[1] as string;
    expect(jobId).toMatch(/^job_/);
    expect(created.stdout).toMatch(/^Status:\s+DRAFT$/m);
    expect(created.stdout).toMatch(/^Ready to publish:\s+no \(1 question to answer\)$/m);
    expect(created.stdout).toContain(
      "  1. Which experience level do the trainers need? (experienceLevel: EXPERT | ENTRY_LEVEL | INTERMEDIATE | ANY_EXPERIENCE_LEVEL)",
    );
    const suggested = `opentrain jobs draft update ${jobId} --set experienceLevel=<value>`;
    expect(created.stdout).toContain(`     ${suggested}\n`);

    // 2. The human answers "intermediate": run the suggested command with that value.
    const answer = suggested.replace("<value>", "intermediate").split(" ").slice(1);
    const updated = await opentrain(answer);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toMatch(/^Ready to publish:\s+yes$/m);
    expect(updated.stdout).toContain(`Next step: opentrain jobs publish ${jobId}`);

    // 3. Publish.
    const published = await opentrain(["jobs", "publish", jobId]);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toContain(`Published job ${jobId}.`);
    expect(published.stdout).toMatch(/^Status:\s+OPEN$/m);
    expect(published.stdout).toMatch(new RegExp(`^Job URL:\\s+${t.baseUrl}/jobs/\\S+-${jobId}$`, "m"));

    // 4. The public marketplace finds it by its distinctive words (no token involved).
    const found = await opentrain(["jobs", "search", "Fjordline", "podcast", "--json"]);
    expect(found.code, found.stderr).toBe(0);
    const hit = JSON.parse(found.stdout).jobs.find((j: { id: string }) => j.id === jobId);
    expect(hit).toMatchObject({
      status: "OPEN",
      languages: ["Norwegian"],
      experienceLevel: "Intermediate",
      pay: { paymentType: "PAY_PER_HOUR", hourlyRate: 18 },
    });
    const table = await opentrain(["jobs", "search", "Fjordline", "podcast"]);
    expect(table.stdout.split("\n")[0]).toBe("ID\tTITLE\tCATEGORY\tPAY\tLANGUAGES");
    expect(table.stdout).toContain(`${jobId}\t`);
    expect(table.stdout).toContain("\t$18/h\tNorwegian");

    // 5. A live edit with contact details: blocked, saved, back to DRAFT, exit 7.
    const blocked = await opentrain([
      "jobs",
      "update-published",
      jobId,
      "--set",
      `jobDescription=${description} Questions? Contact me at x@example.com.`,
    ]);
    expect(blocked.code).toBe(7);
    expect(blocked.stdout).toBe("");
    expect(blocked.stderr).toMatch(/^Error \(409 CONFLICT\): Moderation blocked this edit/);
    expect(blocked.stderr).toContain(`job ${jobId} is back in DRAFT`);
    expect(blocked.stderr).toContain("  - contact_details: jobDescription contains an email address (x@example.com)");
    expect(blocked.stderr).toContain("What to fix:\n  - Remove the email address from jobDescription");
    expect(blocked.stderr).toContain(`  opentrain jobs publish ${jobId}`);

    // 6. It is a draft again, and gone from the marketplace.
    const drafts = await opentrain(["jobs", "list", "--status", "DRAFT"]);
    expect(drafts.code, drafts.stderr).toBe(0);
    expect(drafts.stdout.split("\n")[0]).toBe("ID\tSTATUS\tTITLE\tPROPOSALS\tUPDATED");
    expect(drafts.stdout).toContain(`${jobId}\tDRAFT\tNorwegian Podcast Transcription (Fjordline project)\t0\t`);
    const gone = await opentrain(["jobs", "search", "Fjordline", "--json"]);
    expect(JSON.parse(gone.stdout).jobs.map((j: { id: string }) => j.id)).not.toContain(jobId);

    // 7. Close it.
    const closed = await opentrain(["jobs", "close", jobId]);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stdout).toContain(`Closed job ${jobId}: status ARCHIVED.`);
    const archived = await opentrain(["jobs", "list", "--status", "ARCHIVED", "--json"]);
    expect(JSON.parse(archived.stdout).jobs.map((j: { id: string }) => j.id)).toEqual([jobId]);
  });
});

describe("job journey through an MCP client over stdio", () => {
  it("drafts, answers, publishes, finds, gets blocked, lists and closes", { timeout: 180_000 }, async () => {
    const { env } = freshEnv();
    const client = new Client({ name: "jobs-journey", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [MCP], env, stderr: "pipe" }));
    const call = async (name: string, args: Record<string, unknown> = {}) => {
      const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const text = r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
      return { text, data: (r.structuredContent ?? {}) as Record<string, any>, isError: r.isError === true };
    };
    try {
      const reg = await call("opentrain_register_agent", {
        agentName: "MCP jobs journey",
        organizationName: "Kestrel Labs",
      });
      expect(reg.isError, reg.text).toBe(false);

      // 1. Draft from text: the summary relays the question (ask:) and the keys to set (set:).
      const description =
        "Danish Radio Archive Transcription (Kestrelwave)\n\n" +
        "We need 3 native Danish speakers to transcribe about 80 hours of Kestrelwave radio archive recordings " +
        "verbatim, with speaker labels. Work happens in Label Studio. Pay is $20/hour. The project runs for about " +
        "four weeks.";
      const created = await call("opentrain_create_job_draft", {
        jobDescription: description,
        idempotencyKey: "kestrelwave-v1",
        externalId: "ats-kw-1",
      });
      expect(created.isError, created.text).toBe(false);
      const jobId: string = created.data.jobId;
      expect(jobId).toMatch(/^job_/);
      expect(created.data.validation).toMatchObject({ publishReady: false, missingFields: ["experienceLevel"] });
      expect(created.text).toContain("Not ready to publish: 1 question for the human.");
      expect(created.text).toContain(
        "1. ask: Which experience level do the trainers need? (EXPERT, ENTRY_LEVEL, INTERMEDIATE, ANY_EXPERIENCE_LEVEL)",
      );
      expect(created.text).toContain(
        "   set: experienceLevel — one of EXPERT | ENTRY_LEVEL | INTERMEDIATE | ANY_EXPERIENCE_LEVEL (e.g. INTERMEDIATE)",
      );
      expect(created.text).toContain(`opentrain_update_job_draft_fields with jobId "${jobId}"`);

      // 2. The human's answer goes in with the set: key.
      const updated = await call("opentrain_update_job_draft_fields", { jobId, patch: { experienceLevel: "EXPERT" } });
      expect(updated.isError, updated.text).toBe(false);
      expect(updated.data.validation.publishReady).toBe(true);
      expect(updated.text).toContain("Ready to publish.");
      expect(updated.text).toContain(`Next step: call opentrain_publish_job with jobId "${jobId}"`);

      // 3. Publish.
      const published = await call("opentrain_publish_job", { jobId });
      expect(published.isError, published.text).toBe(false);
      expect(published.data).toMatchObject({ status: "OPEN", alreadyPublished: false });
      expect(published.text).toContain(`Job URL: ${published.data.jobUrl}`);

      // 4. Public search finds it: title, pay and id in the compact list.
      const found = await call("opentrain_search_jobs", { q: "Kestrelwave radio", language: "Danish" });
      expect(found.isError, found.text).toBe(false);
      expect(found.data.jobs.map((j: { id: string }) => j.id)).toContain(jobId);
      expect(found.text).toContain(`- Danish Radio Archive Transcription (Kestrelwave) — $20/h — `);
      expect(found.text).toContain(`— id ${jobId}`);

      // 5. A live edit asking for off-platform payment: an isError result with the 409 details.
      const blocked = await call("opentrain_update_published_job", {
        jobId,
        patch: { jobDescription: `${description} Pay me on PayPal after each batch.` },
      });
      expect(blocked.isError).toBe(true);
      expect(blocked.data).toMatchObject({
        status: 409,
        code: "CONFLICT",
        details: { reason: "moderation_blocked", jobId, status: "DRAFT" },
      });
      expect(blocked.text).toMatch(/^409 CONFLICT: Moderation blocked this edit/);
      expect(blocked.text).toContain(`job ${jobId} is back in DRAFT`);
      expect(blocked.text).toMatch(/Reasons:\n- off_platform_payment: /);
      expect(blocked.text).toContain("What to fix:\n- ");
      expect(blocked.text).toContain("opentrain_update_job_draft_fields");

      // 6. The account's drafts include it again.
      const drafts = await call("opentrain_list_jobs", { status: "DRAFT" });
      expect(drafts.isError, drafts.text).toBe(false);
      expect(drafts.text).toContain(
        `- Danish Radio Archive Transcription (Kestrelwave) — DRAFT — 0 proposals — id ${jobId}`,
      );
      expect(drafts.text).toContain("No more pages.");

      // 7. Close it.
      const closed = await call("opentrain_close_job", { jobId });
      expect(closed.isError, closed.text).toBe(false);
      expect(closed.data).toMatchObject({ jobId, status: "ARCHIVED", alreadyClosed: false });
      expect(closed.text).toContain(`Closed job ${jobId}: status ARCHIVED.`);
    } finally {
      await client.close();
    }
  });
});
