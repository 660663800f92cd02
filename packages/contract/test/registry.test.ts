import { SEED_TOOL_NAMES } from "@opentrain-ai/testkit";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  FEATURE_FLAGS,
  OPERATIONS,
  RESOURCES,
  SCOPES,
  TOOLSETS,
  isReadOnly,
  pathParams,
  type Operation,
} from "../src/index.js";

const each = (fn: (op: Operation) => void) => {
  for (const op of OPERATIONS) fn(op);
};

describe("operation registry", () => {
  it("has unique ids of the form <resource>.<verb>", () => {
    const ids = OPERATIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    each((op) => expect(op.id).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/));
  });

  it("has exactly the 41 seed tools, each once", () => {
    const tools = OPERATIONS.flatMap((o) => (o.tool ? [o.tool.name] : []));
    expect(new Set(tools).size).toBe(tools.length);
    expect([...tools].sort()).toEqual([...SEED_TOOL_NAMES].sort());
  });

  it("has unique method + path and unique CLI commands", () => {
    const routes = OPERATIONS.map((o) => `${o.method} ${o.api} ${o.path}`);
    expect(new Set(routes).size).toBe(routes.length);
    const commands = OPERATIONS.flatMap((o) => (o.cli ? [o.cli.command.join(" ")] : []));
    expect(new Set(commands).size).toBe(commands.length);
  });

  it("uses flat object inputs whose fields include every path parameter", () => {
    each((op) => {
      expect(op.input, op.id).toBeInstanceOf(z.ZodObject);
      const shape = op.input.shape as Record<string, unknown>;
      for (const p of pathParams(op.path)) expect(Object.keys(shape), `${op.id} {${p}}`).toContain(p);
      if (op.tool?.params) {
        expect(op.tool.params, op.id).toBeInstanceOf(z.ZodObject);
        expect(op.tool.toInput, `${op.id} params need toInput`).toBeTypeOf("function");
      }
    });
  });

  it("names real input fields in CLI positionals and aliases", () => {
    each((op) => {
      const fields = Object.keys(op.input.shape as object);
      const paramFields = op.tool?.params ? Object.keys(op.tool.params.shape) : [];
      for (const p of op.cli?.positional ?? [])
        expect([...fields, ...paramFields], `${op.id} positional ${p}`).toContain(p);
      for (const a of Object.keys(op.cli?.aliases ?? {}))
        expect([...fields, ...paramFields], `${op.id} alias ${a}`).toContain(a);
    });
  });

  it("uses known resources, toolsets, scopes and flags", () => {
    each((op) => {
      expect(Object.keys(RESOURCES)).toContain(op.resource);
      if (op.tool) expect(TOOLSETS as readonly string[]).toContain(RESOURCES[op.resource].toolset);
      if (op.scope) expect(SCOPES).toContain(op.scope);
      for (const s of op.anyScope ?? []) expect(SCOPES).toContain(s);
      if (op.feature) expect(FEATURE_FLAGS).toContain(op.feature);
    });
  });

  it("keeps gates consistent with the surface", () => {
    each((op) => {
      if (op.api === "agent") expect(op.auth, op.id).toBe("none");
      if (op.api === "sandbox") {
        expect(op.auth, op.id).toBe("sandbox");
        expect(op.tool, `${op.id} sandbox helpers are not MCP tools`).toBeUndefined();
      }
      if (op.claim || op.feature || op.scope) expect(op.auth, op.id).toBe("bearer");
      // Reads never claim to be destructive; GET is always idempotent.
      if (isReadOnly(op)) expect(op.hints, op.id).toEqual({ destructive: false, idempotent: true });
      expect(op.summary.length, op.id).toBeGreaterThan(5);
    });
  });

  it("converts every schema to JSON Schema (OpenAPI and MCP need it)", () => {
    each((op) => {
      expect(() => z.toJSONSchema(op.input, { io: "input", unrepresentable: "any" }), op.id).not.toThrow();
      expect(() => z.toJSONSchema(op.output, { io: "output", unrepresentable: "any" }), op.id).not.toThrow();
    });
  });

  it("puts a write scope on every claim-gated operation", () => {
    each((op) => {
      if (op.claim) expect(op.scope, op.id).toMatch(/:write$/);
    });
  });
});
