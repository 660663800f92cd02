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
 * trainer's reply shows up after more virtual time; trainers invited through the CLI and MCP
 * answer their invitations. Child processes never block the event loop.
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

type Run = { code: number; stdout: string; stderr: string };

/**
 * A claimed account (registered and claimed through the sandbox helper) whose credentials file
 * in `dir` the built CLI and MCP server share, and a runner for the CLI.
 */
async function surfacesFor(organization: string, dir: string) {
  const agent = await claimedAgent(t, { agent_name: `${organization} agent`, organization_name: organization });
  mkdirSync(join(dir, "opentrain"), { recursive: true });
  writeFileSync(join(dir, "opentrain", "cli.json"), JSON.stringify({ apiToken: agent.token, baseUrl: t.baseUrl }));
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    XDG_CONFIG_HOME: dir,
    OPENTRAIN_API_BASE_URL: t.baseUrl,
    OPENTRAIN_SANDBOX_SECRET: t.sandboxSecret,
    NO_COLOR: "1",
  };
  const opentrain = (args: string[]) =>
    new Promise<Run>((done) => {
      execFile(process.execPath, [CLI, ...args], { env, timeout: 90_000 }, (err, stdout, stderr) => {
        const code = err ? ((err as { code?: unknown }).code ?? 1) : 0;
        done({ code: typeof code === "number" ? code : 1, stdout, stderr });
      });
    });
  return { agent, env, opentrain };
}

async function advance(duration: string) {
  const res = await sandbox(t, "POST", "/clock/advance", { duration });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The text of an MCP tool result (fails the test on a tool error). */
async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  return (await callToolResult(client, name, args)).text;
}

async function callToolResult(client: Client, name: string, args: Record<string, unknown>) {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  expect(r.isError, text).not.toBe(true);
  return { text, structured: (r.structuredContent ?? {}) as Record<string, unknown> };
}

/** Tab-separated rows of a CLI table (header first). */
const tableRows = (stdout: string) => stdout.split("\n").filter((l) => l.includes("\t"));

describe("candidate journey: proposals, ranking, a pre-hire conversation and invitations", () => {
  it(
    "lists proposals, ranks them over MCP, messages the top one and reads the reply",
    { timeout: 240_000 },
    async () => {
      // Register + claim through the sandbox helper; the CLI and MCP server share the credentials file.
      const { env, opentrain } = await surfacesFor("Heron Labs", home);

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
      const rows = tableRows(listed.stdout);
      expect(rows[0]).toBe("NAME\tSTATUS\tBID\tINTERVIEW\tMATCH\tID");
      expect(rows.length).toBeGreaterThan(1);
      expect(rows[1]).toMatch(/\t\$[\d.,]+\/h\t/);

      // 4. The MCP server ranks them: one line per proposal, best first.
      const client = new Client({ name: "candidates-journey", version: "1.0.0" });
      await client.connect(new StdioClientTransport({ command: process.execPath, args: [MCP], env, stderr: "pipe" }));
      let topId: string;
      try {
        const text = await callTool(client, "opentrain_list_proposals", { jobId });
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
  it(
    "invites trainers through the CLI and MCP, idempotently, and sees their answers after virtual time",
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "opentrain-invites-journey-"));
      try {
        const { env, opentrain } = await surfacesFor("Egret Invites", dir);

        // 1. An invite-only job (no organic applicants: only the invited trainers answer).
        const jobFile = join(dir, "job.json");
        writeFileSync(
          jobFile,
          JSON.stringify({
            title: "Warehouse Robot Camera Boxes (Egret, invited annotators only)",
            description:
              "Draw tight bounding boxes around robots, pallets and people on warehouse camera images and pick each class.",
            paymentType: "PAY_PER_HOUR",
            rateAmount: 16,
            languages: ["English"],
            countries: [],
            labelTypes: ["Bounding Box"],
            tools: ["CVAT"],
            dataType: "Image",
            experienceLevel: "ENTRY_LEVEL",
            dataVolumeUnit: "NUMBER_OF_FILES",
            dataVolume: 8000,
            headcount: 2,
            visibility: "INVITE_ONLY",
          }),
        );
        const created = await opentrain(["jobs", "draft", "create", "--canonical-file", jobFile]);
        expect(created.code, created.stderr).toBe(0);
        const jobId = /^Job ID:\s+(job_\w+)$/m.exec(created.stdout)?.[1] as string;
        const published = await opentrain(["jobs", "publish", jobId]);
        expect(published.code, published.stderr).toBe(0);

        // 2. Four available trainers from the sandbox pool (the CLI's sandbox helper command).
        const pool = await opentrain(["sandbox", "trainers", "list", "--limit", "40"]);
        expect(pool.code, pool.stderr).toBe(0);
        const [header, ...trainerRows] = tableRows(pool.stdout);
        expect(header).toBe("ID\tNAME\tSTATUS\tLEVEL\tRATE\tLANGUAGES\tLABEL TYPES");
        const invitees = trainerRows
          .map((l) => l.split("\t"))
          .filter((cols) => cols[2] === "ACTIVE")
          .map((cols) => cols[0]!)
          .slice(0, 4);
        expect(invitees).toHaveLength(4);

        // 3. Two invitations through the CLI, two through MCP; each repeated on the other surface
        //    answers alreadyInvited and changes nothing.
        for (const id of invitees.slice(0, 2)) {
          const invited = await opentrain(["jobs", "invite", jobId, id]);
          expect(invited.code, invited.stderr).toBe(0);
          expect(invited.stdout).toMatch(
            new RegExp(`^Invited freelancer ${id} to job ${jobId}: proposal \\S+\\.$`, "m"),
          );
        }
        const client = new Client({ name: "invites-journey", version: "1.0.0" });
        await client.connect(new StdioClientTransport({ command: process.execPath, args: [MCP], env, stderr: "pipe" }));
        try {
          for (const id of invitees.slice(2)) {
            const text = await callTool(client, "opentrain_invite_freelancer", { jobId, freelancerId: id });
            expect(text).toContain(`Invited freelancer ${id} to job ${jobId}: invited proposal`);
          }
          const again = await callToolResult(client, "opentrain_invite_freelancer", {
            jobId,
            freelancerId: invitees[0]!,
          });
          expect(again.text).toContain("alreadyInvited: true");
          expect(again.structured).toMatchObject({ alreadyInvited: true, freelancerId: invitees[0] });
        } finally {
          await client.close();
        }
        const repeated = await opentrain(["jobs", "invite", jobId, invitees[3]!]);
        expect(repeated.code, repeated.stderr).toBe(0);
        expect(repeated.stdout).toContain(`Freelancer ${invitees[3]} was already invited to job ${jobId}`);

        // 4. Right away every invitation is pending, without a bid.
        const pending = await opentrain(["proposals", "list", jobId]);
        expect(pending.code, pending.stderr).toBe(0);
        const before = tableRows(pending.stdout).slice(1);
        expect(before).toHaveLength(4);
        for (const row of before) expect(row.split("\t").slice(1, 3)).toEqual(["UNREVIEWED (invited: PENDING)", "-"]);

        // 5. Invited trainers answer within a day and a half of virtual time: accepted invitations
        //    carry a bid and an AI interview, declined ones are DECLINED.
        await advance("36h");
        const answered = await opentrain(["proposals", "list", jobId]);
        expect(answered.code, answered.stderr).toBe(0);
        const after = tableRows(answered.stdout)
          .slice(1)
          .map((l) => l.split("\t"));
        expect(after).toHaveLength(4);
        for (const [, status, bid, interview] of after) {
          if (status === "UNREVIEWED (invited: ACCEPTED)") {
            expect(bid).toMatch(/^\$[\d.,]+\/h$/);
            expect(interview).toMatch(/^\d+$/);
          } else {
            expect(status).toBe("DECLINED (invited: DECLINED)");
            expect(bid).toBe("-");
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
