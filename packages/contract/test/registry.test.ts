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

/** The 41 tools of the MCP reference (seed document), in its order. */
const SEED_TOOLS = [
  "opentrain_register_agent",
  "opentrain_claim_account",
  "opentrain_claim_status",
  "opentrain_auth_status",
  "opentrain_capabilities",
  "opentrain_create_job_draft",
  "opentrain_update_job_draft_fields",
  "opentrain_publish_job",
  "opentrain_update_published_job",
  "opentrain_close_job",
  "opentrain_list_jobs",
  "opentrain_search_jobs",
  "opentrain_list_proposals",
  "opentrain_get_proposal",
  "opentrain_get_freelancer_profile",
  "opentrain_invite_freelancer",
  "opentrain_hire_proposal",
  "opentrain_read_messages",
  "opentrain_send_message",
  "opentrain_start_proposal_conversation",
  "opentrain_list_contracts",
  "opentrain_get_contract",
  "opentrain_create_milestone",
  "opentrain_request_milestone_funding",
  "opentrain_request_milestone_approval",
  "opentrain_get_approval",
  "opentrain_end_contract",
  "opentrain_get_credits",
  "opentrain_list_credit_ledger",
  "opentrain_create_credit_top_up",
  "opentrain_get_credit_top_up",
  "opentrain_poll_updates",
  "opentrain_create_webhook",
  "opentrain_list_webhooks",
  "opentrain_get_webhook",
  "opentrain_delete_webhook",
  "opentrain_list_tokens",
  "opentrain_revoke_token",
  "opentrain_get_team",
  "opentrain_invite_team_member",
  "opentrain_list_pending_payments",
];

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
    expect([...tools].sort()).toEqual([...SEED_TOOLS].sort());
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
