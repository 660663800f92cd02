import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { SCOPES } from "@opentrain-ai/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimedAgent, http, mintToken, sandbox, startTestServer, type TestServer } from "../src/index.js";

/**
 * Events through the BUILT binaries against an in-process sandbox server: the CLI subscribes a
 * real local receiver, every delivery is checked with a signature check written here from the
 * spec, `updates poll` and `updates poll --follow` print the feed (the follower is stopped with
 * SIGINT), `webhooks listen` forwards events to a second local receiver signed with the secret
 * it prints, and the MCP server's five event tools answer over stdio.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLI = join(root, "packages/cli/dist/bin.js");
const MCP = join(root, "packages/mcp/dist/bin.js");

let t: TestServer;
let home: string;
let env: Record<string, string>;
let accountId: string;
let jobId: string;
let trainers: string[];
const children: ChildProcess[] = [];
const servers: Server[] = [];

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

/** A local receiver that answers 200 and lets the test wait for the n-th request. */
async function receiver() {
  const got: Received[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      got.push({ path: req.url ?? "", headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(200).end("ok");
      for (const w of waiters.splice(0)) w();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const waitFor = async (n: number) => {
    const deadline = Date.now() + 30_000;
    while (got.length < n) {
      if (Date.now() > deadline) throw new Error(`receiver: ${got.length} of ${n} requests`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 1_000).unref();
      });
    }
  };
  return { got, port, waitFor };
}

/** The documented check, from the spec: HMAC-SHA256 of "<t>.<raw body>" with the whole secret, |now − t| ≤ 300 s. */
function verified(secret: string, header: unknown, raw: Buffer): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header));
  if (!m) return false;
  if (Math.abs(Date.now() / 1000 - Number(m[1])) > 300) return false;
  const mac = createHmac("sha256", secret).update(`${m[1]}.`).update(raw).digest();
  return timingSafeEqual(mac, Buffer.from(m[2]!, "hex"));
}

function opentrain(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code ?? 1) : 0;
      done({ code: typeof code === "number" ? code : 1, stdout, stderr });
    });
  });
}

/** A long-running CLI command; output is collected as it comes. */
function opentrainRunning(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const out = { stdout: "", stderr: "" };
  child.stdout!.on("data", (d) => (out.stdout += d));
  child.stderr!.on("data", (d) => (out.stderr += d));
  const until = async (pattern: RegExp, stream: "stdout" | "stderr" = "stdout") => {
    const deadline = Date.now() + 30_000;
    while (!pattern.test(out[stream])) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${out.stderr}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} in ${stream}:\n${out.stdout}\n${out.stderr}`);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, 1_000);
        child[stream]!.once("data", () => {
          clearTimeout(timer);
          r();
        });
      });
    }
  };
  const exited = () =>
    new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.on("exit", (c) => r(c))));
  return { child, out, until, exited };
}

/** A sandbox trainer applies to the account's job: one proposal.received. */
async function trainerApplies(i: number): Promise<string> {
  const res = await sandbox(t, "POST", `/trainers/${trainers[i]}/proposals`, { jobId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.proposalId;
}

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_SEED_JOBS: "0" } });
  home = mkdtempSync(join(tmpdir(), "opentrain-events-journey-"));
  const agent = await claimedAgent(t, { agent_name: "Events journey" });
  accountId = agent.accountId;
  // webhooks:manage comes only from a token a human mints in the app.
  const token = await mintToken(t, accountId, [...SCOPES], "events journey");
  mkdirSync(join(home, "opentrain"), { recursive: true });
  writeFileSync(join(home, "opentrain", "cli.json"), JSON.stringify({ apiToken: token, baseUrl: t.baseUrl }));
  env = {
    PATH: process.env.PATH ?? "",
    HOME: home,
    XDG_CONFIG_HOME: home,
    OPENTRAIN_API_BASE_URL: t.baseUrl,
    NO_COLOR: "1",
  };
  const draft = await http(t.baseUrl, "POST", "/api/public/v1/job-drafts", {
    token,
    json: {
      format: "opentrain_canonical",
      job: {
        title: "Events Journey Bounding Boxes",
        description: "Draw tight bounding boxes around every product on retail shelf photos.",
        paymentType: "PAY_PER_HOUR",
        rateAmount: 15,
        experienceLevel: "ENTRY_LEVEL",
        dataVolumeUnit: "NUMBER_OF_FILES",
        visibility: "INVITE_ONLY",
        languages: ["English"],
        countries: [],
      },
    },
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  jobId = draft.body.jobId;
  const published = await http(t.baseUrl, "POST", `/api/public/v1/jobs/${jobId}/publish`, { token, json: {} });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  const list = await sandbox(t, "GET", "/trainers?limit=100");
  trainers = list.body.trainers
    .filter((x: { status: string }) => x.status === "ACTIVE")
    .map((x: { id: string }) => x.id);
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await t?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe("events journey", () => {
  it("subscribes a local receiver with the CLI and verifies every delivery", { timeout: 180_000 }, async () => {
    const r = await receiver();
    const url = `http://127.0.0.1:${r.port}/hooks`;
    const created = await opentrain(["webhooks", "create", url, "--events", "proposal.received,message.received"]);
    expect(created.code, created.stderr).toBe(0);
    const secret = /^Signing secret: (whsec_\w+)$/m.exec(created.stdout)?.[1] as string;
    const webhookId = /^Created webhook (whk_\w+)\.$/m.exec(created.stdout)?.[1] as string;
    expect(secret).toBeTruthy();
    expect(created.stdout).toContain("shown only once");

    const listed = await opentrain(["webhooks", "list"]);
    expect(listed.stdout).toMatch(new RegExp(`^${webhookId}\\s+ACTIVE\\s+${url.replace(/[/.]/g, "\\$&")}`, "m"));
    expect(listed.stdout).not.toContain(secret);

    const proposals = [await trainerApplies(0), await trainerApplies(1)];
    await r.waitFor(2);
    for (const req of r.got) {
      expect(req.path).toBe("/hooks");
      expect(req.headers["x-opentrain-event"]).toBe("proposal.received");
      expect(verified(secret, req.headers["x-opentrain-signature"], req.raw)).toBe(true);
    }
    expect(r.got.map((q) => JSON.parse(q.raw.toString()).data.proposalId).sort()).toEqual([...proposals].sort());

    const polled = await opentrain(["updates", "poll"]);
    expect(polled.code, polled.stderr).toBe(0);
    for (const p of proposals)
      expect(polled.stdout).toMatch(
        new RegExp(`^\\d+  \\S+  proposal\\.received  proposalId=${p} jobId=${jobId}$`, "m"),
      );
    expect(polled.stdout).toMatch(/^Next cursor: \d+ /m);

    const deleted = await opentrain(["webhooks", "delete", webhookId]);
    expect(deleted.stdout).toContain(`Deleted webhook ${webhookId}`);
    const gone = await opentrain(["webhooks", "get", webhookId]);
    expect(gone.code).toBe(5);
  });

  it(
    "updates poll --follow prints new events as they come and stops cleanly on SIGINT",
    { timeout: 120_000 },
    async () => {
      const before = await opentrain(["updates", "poll", "--json", "--limit", "200"]);
      const cursor = JSON.parse(before.stdout).nextCursor as string;
      const follow = opentrainRunning(["updates", "poll", "--follow", "--interval", "0.2", "--cursor", cursor]);
      await follow.until(/Press Ctrl-C to stop/, "stderr");
      const proposalId = await trainerApplies(2);
      await follow.until(new RegExp(`proposal\\.received  proposalId=${proposalId}`));
      follow.child.kill("SIGINT");
      expect(await follow.exited()).toBe(0);
      expect(follow.out.stderr).toMatch(/Stopped\. Resume with: opentrain updates poll --follow --cursor \d+/);
      const lines = follow.out.stdout.trim().split("\n");
      expect(lines).toHaveLength(1);
    },
  );

  it(
    "webhooks listen forwards events to a local URL, signed with the secret it prints",
    { timeout: 120_000 },
    async () => {
      const local = await receiver();
      const target = `http://127.0.0.1:${local.port}/local-hooks`;
      await trainerApplies(3); // before listen starts: not forwarded
      const listen = opentrainRunning(["webhooks", "listen", "--forward-to", target, "--interval", "0.2"]);
      await listen.until(/Your local webhook signing secret is (whsec_\w+)/, "stderr");
      const secret = /Your local webhook signing secret is (whsec_\w+)/.exec(listen.out.stderr)![1]!;
      const proposalId = await trainerApplies(4);
      await local.waitFor(1);
      await listen.until(/<-- \[200\] POST/);
      listen.child.kill("SIGINT");
      expect(await listen.exited()).toBe(0);
      expect(local.got).toHaveLength(1);
      const req = local.got[0]!;
      expect(req.path).toBe("/local-hooks");
      expect(req.headers["x-opentrain-event"]).toBe("proposal.received");
      expect(req.headers["x-opentrain-delivery"]).toMatch(/^whd_local_\d+$/);
      expect(verified(secret, req.headers["x-opentrain-signature"], req.raw)).toBe(true);
      expect(verified("whsec_other", req.headers["x-opentrain-signature"], req.raw)).toBe(false);
      expect(JSON.parse(req.raw.toString()).data.proposalId).toBe(proposalId);
      expect(listen.out.stdout).toMatch(/--> proposal\.received \[\d+\]/);
      expect(listen.out.stderr).toMatch(
        /Stopped\. Resume with: opentrain webhooks listen --forward-to \S+ --cursor \d+/,
      );
    },
  );

  it("the MCP server's event tools answer over stdio", { timeout: 120_000 }, async () => {
    const client = new Client({ name: "events-journey", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [MCP], env, stderr: "pipe" }));
    const call = async (name: string, args: Record<string, unknown> = {}) => {
      const res = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const text = res.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
      expect(res.isError, text).not.toBe(true);
      return { text, data: res.structuredContent as Record<string, any> };
    };
    try {
      const polled = await call("opentrain_poll_updates", { limit: 2 });
      expect(polled.text).toMatch(/^2 events, oldest first/);
      expect(polled.text).toContain("opentrain_get_proposal");
      expect(polled.data.events).toHaveLength(2);
      expect(polled.text).toContain(`call opentrain_poll_updates again now with cursor "${polled.data.nextCursor}"`);

      const made = await call("opentrain_create_webhook", {
        url: "https://hooks.example.com/mcp",
        eventTypes: ["message.received"],
      });
      expect(made.text).toContain(`Signing secret: ${made.data.secret}`);
      expect(made.text).toContain("shown only once");
      const id = made.data.webhook.id as string;
      const listed = await call("opentrain_list_webhooks");
      expect(listed.text).toContain(`- ${id} [ACTIVE] → https://hooks.example.com/mcp for message.received`);
      expect(listed.text).not.toContain(made.data.secret);
      const got = await call("opentrain_get_webhook", { webhookId: id });
      expect(got.data.webhook.id).toBe(id);
      const del = await call("opentrain_delete_webhook", { webhookId: id });
      expect(del.data.deleted).toBe(true);
      expect(del.text).toContain(`Deleted webhook ${id}`);
    } finally {
      await client.close();
    }
  });
});
