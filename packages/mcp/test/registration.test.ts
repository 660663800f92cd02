import { readFileSync } from "node:fs";
import { OPERATIONS, TOOLSETS, toolsetOf } from "@opentrain-ai/contract";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allTools } from "../src/index.js";
import { SEED_TOOL_NAMES, SEED_TOOL_PARAMS } from "@opentrain-ai/testkit";
import { connect } from "./helpers.js";

const toolOps = OPERATIONS.filter((op) => op.tool);
const opByTool = new Map<string, (typeof toolOps)[number]>(toolOps.map((op) => [op.tool!.name, op]));

describe("tools/list", () => {
  let tools: Tool[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const conn = await connect({ env: {} });
    close = conn.close;
    ({ tools } = await conn.client.listTools());
  });
  afterAll(() => close());

  it("lists one tool per operation with tool metadata, in registry order", () => {
    expect(tools.length).toBeGreaterThanOrEqual(9);
    expect(tools.length).toBe(toolOps.length);
    expect(tools.map((t) => t.name)).toEqual(toolOps.map((op) => op.tool!.name));
  });

  it("uses only the seed's tool names, each once, and all 41 once the contract is complete", () => {
    const names = tools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(SEED_TOOL_NAMES).toContain(name);
    expect(SEED_TOOL_NAMES).toHaveLength(41);
    if (names.length === SEED_TOOL_NAMES.length) expect([...names].sort()).toEqual([...SEED_TOOL_NAMES].sort());
  });

  it("derives every annotation from the operation and sets all four hints explicitly", () => {
    for (const tool of tools) {
      const op = opByTool.get(tool.name)!;
      expect(tool.annotations, tool.name).toEqual({
        title: op.tool!.title,
        readOnlyHint: op.method === "GET",
        destructiveHint: op.hints.destructive,
        idempotentHint: op.hints.idempotent,
        openWorldHint: true,
      });
    }
  });

  it("gives every tool a title, a description and an object input schema without top-level unions", () => {
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length ?? 0, tool.name).toBeGreaterThan(20);
      expect(tool.inputSchema.type, tool.name).toBe("object");
      const schema = tool.inputSchema as Record<string, unknown>;
      expect(schema.oneOf ?? schema.anyOf ?? schema.allOf, tool.name).toBeUndefined();
    }
  });

  it("exposes exactly the seed's parameters for each tool", () => {
    for (const tool of tools) {
      const params = Object.keys(tool.inputSchema.properties ?? {}).sort();
      expect(params, tool.name).toEqual([...(SEED_TOOL_PARAMS[tool.name] ?? [])].sort());
    }
  });

  it("maps every tool to a known toolset", () => {
    for (const def of allTools()) {
      expect(TOOLSETS).toContain(def.toolset);
      expect(toolsetOf(def.op)).toBe(def.toolset);
    }
  });

  it("matches the reviewed snapshot of the tool surface", () => {
    const surface = tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      annotations: t.annotations,
      inputSchema: t.inputSchema,
    }));
    expect(surface).toMatchSnapshot();
  });
});

describe("server identity", () => {
  it("announces itself as opentrain with the package version", async () => {
    const { client, close } = await connect({ env: {} });
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(client.getServerVersion()).toMatchObject({ name: "opentrain", version: pkg.version });
    expect(client.getInstructions()).toContain("opentrain_register_agent");
    await close();
  });
});
