import { defineOperation, operations } from "@opentrain-ai/contract";
import { Command } from "commander";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { UsageError } from "../src/errors.js";
import { describeInput, kebabCase } from "../src/fields.js";
import { bindInput, checkRequired, collectInput, validateInput } from "../src/flags.js";

/** A synthetic operation covering every kind of field, so these tests do not move with the contract. */
const sample = defineOperation({
  id: "jobs.sample",
  resource: "jobs",
  summary: "Sample",
  method: "POST",
  api: "public",
  path: "/jobs/{jobId}/sample",
  auth: "bearer",
  scope: null,
  input: z.object({
    jobId: z.string().min(1).describe("Job id"),
    title: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    amountUsd: z.number().positive().optional(),
    unreadOnly: z.boolean().optional(),
    status: z.enum(["OPEN", "CLOSED"]).optional(),
    eventTypes: z.array(z.string()).optional(),
    fields: z.record(z.string(), z.unknown()).optional(),
    milestone: z.object({ name: z.string().optional(), amount: z.number() }).optional(),
    email: z.email().optional(),
    body: z.string().optional().describe("Long text"),
  }),
  output: z.object({}),
  cli: {
    command: ["jobs", "sample"],
    positional: ["jobId"],
    aliases: { title: ["name"], fields: ["set"], body: ["description"] },
  },
});

async function parse(argv: string[], op = sample, bind = {}) {
  const cmd = new Command("sample").exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  const binding = bindInput(cmd, op, bind);
  let input: Record<string, unknown> = {};
  cmd.action(async () => {
    input = await collectInput(binding, cmd.opts(), cmd.processedArgs);
  });
  await cmd.parseAsync(argv, { from: "user" });
  return { input, binding };
}

describe("field names", () => {
  it("kebab-cases camelCase and snake_case", () => {
    expect(kebabCase("tokenId")).toBe("token-id");
    expect(kebabCase("agent_name")).toBe("agent-name");
    expect(kebabCase("idOrSlug")).toBe("id-or-slug");
    expect(kebabCase("amountUsd")).toBe("amount-usd");
  });

  it("describes each field's kind and requiredness from the zod schema", () => {
    const fields = Object.fromEntries(describeInput(sample.input).map((f) => [f.name, f]));
    expect(fields.jobId).toMatchObject({ kind: "string", required: true, flag: "job-id" });
    expect(fields.limit).toMatchObject({ kind: "number", required: false });
    expect(fields.unreadOnly).toMatchObject({ kind: "boolean", flag: "unread-only" });
    expect(fields.status).toMatchObject({ kind: "enum", choices: ["OPEN", "CLOSED"] });
    expect(fields.eventTypes).toMatchObject({ kind: "array", itemKind: "string" });
    expect(fields.fields).toMatchObject({ kind: "record" });
    expect(fields.milestone?.subFields?.map((f) => f.flag)).toEqual(["milestone-name", "milestone-amount"]);
  });
});

describe("argv → operation input", () => {
  it("maps kebab-case flags, numbers, switches and enums", async () => {
    const { input } = await parse([
      "--job-id",
      "job_1",
      "--limit",
      "5",
      "--amount-usd",
      "12.5",
      "--unread-only",
      "--status",
      "OPEN",
    ]);
    expect(input).toEqual({ jobId: "job_1", limit: 5, amountUsd: 12.5, unreadOnly: true, status: "OPEN" });
  });

  it("accepts the positional field as an argument or as a flag", async () => {
    expect((await parse(["job_1"])).input).toEqual({ jobId: "job_1" });
    expect((await parse(["--job-id", "job_1"])).input).toEqual({ jobId: "job_1" });
    expect((await parse(["job_1", "--job-id", "job_1"])).input).toEqual({ jobId: "job_1" });
    await expect(parse(["job_1", "--job-id", "job_2"])).rejects.toThrow(UsageError);
  });

  it("accepts aliases from the contract", async () => {
    expect((await parse(["j", "--name", "Hello"])).input).toEqual({ jobId: "j", title: "Hello" });
    await expect(parse(["j", "--name", "A", "--title", "B"])).rejects.toThrow(/give different values/);
  });

  it("builds arrays from repeated flags and comma-separated values", async () => {
    const { input } = await parse([
      "j",
      "--event-types",
      "job.published,proposal.created",
      "--event-types",
      "message.received",
    ]);
    expect(input.eventTypes).toEqual(["job.published", "proposal.created", "message.received"]);
  });

  it("builds records from key=value pairs (and JSON objects)", async () => {
    const { input } = await parse(["j", "--set", "headcount=3", "--fields", "title=Speech data", "--set", '{"x":[1]}']);
    expect(input.fields).toEqual({ headcount: 3, title: "Speech data", x: [1] });
  });

  it("builds objects from JSON and from --<field>-<sub> flags", async () => {
    expect((await parse(["j", "--milestone", '{"amount":100}', "--milestone-name", "M1"])).input.milestone).toEqual({
      amount: 100,
      name: "M1",
    });
    expect((await parse(["j", "--milestone-amount", "50"])).input.milestone).toEqual({ amount: 50 });
  });

  it("reads long text from --<field>-file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "opentrain-flags-"));
    try {
      const file = join(dir, "brief.txt");
      writeFileSync(file, "Transcribe 20 hours of Spanish audio.\n");
      expect((await parse(["j", "--body-file", file])).input.body).toBe("Transcribe 20 hours of Spanish audio.\n");
      await expect(parse(["j", "--body-file", join(dir, "missing.txt")])).rejects.toThrow(/cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects values that are not numbers, choices or JSON (commander errors → usage)", async () => {
    await expect(parse(["j", "--limit", "ten"])).rejects.toMatchObject({ code: "commander.invalidArgument" });
    await expect(parse(["j", "--status", "PAUSED"])).rejects.toMatchObject({ code: "commander.invalidArgument" });
    await expect(parse(["j", "--milestone", "{nope"])).rejects.toMatchObject({ code: "commander.invalidArgument" });
  });

  it("names the missing flag or argument", async () => {
    const { input, binding } = await parse([]);
    expect(() => checkRequired(binding, input)).toThrow(
      "missing <jobId>: give it as an argument or with --job-id <jobId>",
    );
    const invite = await parse([], operations.agentAuthClaim as never, { optional: ["claim_token"] });
    expect(() => checkRequired(invite.binding, invite.input, ["claim_token"])).toThrow(
      "missing required flag --email <email>",
    );
  });

  it("validates with the zod schema and names the flag to fix", async () => {
    const { input, binding } = await parse(["j", "--limit", "500", "--email", "not-an-email"]);
    let message = "";
    try {
      validateInput(binding, sample, input);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^--limit: .*100/);
    expect(message).toMatch(/--email: /);
  });

  it("maps the contract's real operations", async () => {
    expect((await parse(["tok_9"], operations.tokensRevoke as never)).input).toEqual({ tokenId: "tok_9" });
    const reg = await parse(["--name", "Claude", "--org-name", "Acme"], operations.agentAuthRegister as never, {
      exclude: ["identity_type"],
    });
    expect(reg.input).toEqual({ agent_name: "Claude", organization_name: "Acme" });
    expect((await parse(["a@example.com"], operations.teamInvite as never)).input).toEqual({ email: "a@example.com" });
    const done = await parse(["123456"], operations.sandboxClaimsComplete as never);
    expect(done.input).toEqual({ userCode: "123456" });
    const uri = await parse(
      ["--verification-uri", "http://x/claim?token=ot_cat_1"],
      operations.sandboxClaimsComplete as never,
    );
    expect(uri.input).toEqual({ verificationUri: "http://x/claim?token=ot_cat_1" });
  });
});
