import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimedAgent, sandbox, startTestServer, type TestServer } from "../src/index.js";

/**
 * The candidate journey through the BUILT binaries against an in-process sandbox server: a
 * claimed account publishes a job, virtual time passes and simulated trainers apply, the CLI
 * lists them, the MCP server ranks them, the CLI opens a pre-hire thread and writes, and the
 * trainer's reply shows up after more virtual time. Child processes never block the event loop.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = join(root, "packages/cli/dist/bin.js");
const MCP = join(root, "packages/mcp/dist/bin.js");

let t: TestServer;
let home: string;

beforeAll(async () => {
  t = await startTestServer();
  home = mkdtempSync(join(tmpdir(), "opentrain-candidates-journey-"));
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe("candidate journey: proposals, ranking and a pre-hire conversation", () => {
  it(
    "lists proposals, ranks them over MCP, messages the top one and reads the reply",
    { timeout: 240_000 },
    async () => {
      // Register + claim through the sandbox helper; the CLI and MCP server share the credentials file.
      const agent = await claimedAgent(t, { agent_name: "Candidates journey", organization_name: "Heron Labs" });
      mkdirSync(join(home, "opentrain"), { recursive: true });
      writeFileSync(join(home, "opentrain", "cli.json"), JSON.stringify({ apiToken: agent.token, baseUrl: t.baseUrl }));
      const env = {
        PATH: process.env.PATH ?? "",
        HOME: home,
        XDG_CONFIG_HOME: home,
        OPENTRAIN_API_BASE_URL: t.baseUrl,
        OPENTRAIN_SANDBOX_SECRET: t.sandboxSecret,
        NO_COLOR: "1",
      };
      const opentrain = (args: string[]) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
          execFile(process.execPath, [CLI, ...args], { env, timeout: 90_000 }, (err, stdout, stderr) => {
            const code = err ? ((err as { code?: unknown }).code ?? 1) : 0;
            done({ code: typeof code === "number" ? code : 1, stdout, stderr });
          });
        });
      const advance = async (duration: string) => {
        const res = await sandbox(t, "POST", "/clock/advance", { duration });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      };

      // 1. Publish a broad job many sandbox trainers fit (a canonical job file: publish-ready as is).
      const jobFile = join(home, "job.json");
      writeFileSync(
        jobFile,
        JSON.stringify({
          title: "Retail Shelf Product Bounding Boxes (Heronline)",
          description:
            "Draw tight bounding boxes around every product on retail shelf photos and tag each box with its category.",
          paymentType: "PAY_PER_HOUR",
          rateAmount: 15,
          languages: ["English"],
          countries: [],
          labelTypes: ["Bounding Box"],
          tools: ["CVAT"],
          dataType: "Image",
          experienceLevel: "ENTRY_LEVEL",
          dataVolumeUnit: "NUMBER_OF_FILES",
          dataVolume: 20000,
          headcount: 5,
        }),
      );
      const created = await opentrain(["jobs", "draft", "create", "--canonical-file", jobFile]);
      expect(created.code, created.stderr).toBe(0);
      const jobId = /^Job ID:\s+(job_\w+)$/m.exec(created.stdout)?.[1] as string;
      expect(jobId).toMatch(/^job_/);
      expect(created.stdout).toMatch(/^Ready to publish:\s+yes$/m);
      const published = await opentrain(["jobs", "publish", jobId]);
      expect(published.code, published.stderr).toBe(0);

      // 2. A day of virtual time: simulated trainers apply.
      await advance("24h");

      // 3. The CLI lists the proposals.
      const listed = await opentrain(["proposals", "list", jobId]);
      expect(listed.code, listed.stderr).toBe(0);
      const rows = listed.stdout.split("\n").filter((l) => l.includes("\t"));
      expect(rows[0]).toBe("NAME\tSTATUS\tBID\tINTERVIEW\tMATCH\tID");
      expect(rows.length).toBeGreaterThan(1);
      expect(rows[1]).toMatch(/\t\$[\d.,]+\/h\t/);

      // 4. The MCP server ranks them: one line per proposal, best first.
      const client = new Client({ name: "candidates-journey", version: "1.0.0" });
      await client.connect(new StdioClientTransport({ command: process.execPath, args: [MCP], env, stderr: "pipe" }));
      let topId: string;
      try {
        const r = (await client.callTool({
          name: "opentrain_list_proposals",
          arguments: { jobId },
        })) as CallToolResult;
        const text = r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
        expect(r.isError, text).not.toBe(true);
        expect(text).toMatch(
          new RegExp(`^\\d+ proposals? on job ${jobId}, ranked by interview score then match score:`),
        );
        const lines = text.split("\n").filter((l) => /^\d+\. /.test(l));
        expect(lines.length).toBe(rows.length - 1);
        expect(lines[0]).toMatch(/^1\. .+ — [A-Z_]+.* — bid .+ — interview .+ — match .+ — proposal \S+$/);
        topId = /proposal (\S+)$/.exec(lines[0]!)![1]!;
        expect(text).toContain("opentrain_hire_proposal");
      } finally {
        await client.close();
      }

      // 5. Open the pre-hire thread with the top candidate and write.
      const thread = await opentrain(["messages", "start-proposal-thread", topId]);
      expect(thread.code, thread.stderr).toBe(0);
      const conversationId = /^Conversation ID: (\S+)$/m.exec(thread.stdout)?.[1] as string;
      expect(conversationId).toBeTruthy();
      const sent = await opentrain([
        "messages",
        "send",
        conversationId,
        "Hi! Thanks for applying. Could you start next Monday with about 15 hours a week?",
      ]);
      expect(sent.code, sent.stderr).toBe(0);
      expect(sent.stdout).toContain(`to conversation ${conversationId}`);

      // 6. Two hours later (more if this persona is slow, up to a day) the trainer has replied.
      let read = { code: 1, stdout: "", stderr: "" };
      for (let hours = 2; hours <= 24; hours += 2) {
        await advance("2h");
        read = await opentrain(["messages", "read", conversationId]);
        expect(read.code, read.stderr).toBe(0);
        if (read.stdout.split("\n").some((l) => /^\[\S+\] (?!You:)[^:]+: \S/.test(l))) break;
      }
      const lines = read.stdout.split("\n").filter((l) => l.startsWith("["));
      expect(lines[0]).toMatch(/^\[\S+\] You: Hi! Thanks for applying\./);
      expect(
        lines.slice(1).some((l) => /^\[\S+\] (?!You:)[^:]+: \S/.test(l)),
        read.stdout,
      ).toBe(true);
    },
  );
});
