import { describe, expect, it } from "vitest";
import { SEED_TOOL_NAMES } from "@opentrain-ai/testkit";
import { NEXT_STEPS, SUMMARIES, ToolContext, allTools, genericSummary, summarize } from "../src/index.js";
import { BASE_URL, call, connect, fakeFetch, tempConfigHome } from "./helpers.js";

const tools = new Map(allTools().map((t) => [t.name, t]));
const info = (name: string, status = 200) => ({
  tool: tools.get(name)!,
  params: {},
  ctx: new ToolContext({ env: {} }),
  status,
});

describe("summaries", () => {
  it("every seed tool either has a bespoke summary, a bespoke handler or a next step", () => {
    const bespokeHandlers = ["opentrain_register_agent", "opentrain_claim_account", "opentrain_claim_status"];
    for (const name of SEED_TOOL_NAMES) {
      expect(Boolean(SUMMARIES[name] || NEXT_STEPS[name] || bespokeHandlers.includes(name)), name).toBe(true);
    }
  });

  it("generic: counts a page, lists ids and explains the cursor", () => {
    const text = genericSummary(
      { proposals: [{ id: "p1" }, { id: "p2" }], nextCursor: "c_2" },
      info("opentrain_list_proposals"),
    );
    expect(text).toContain("2 proposals (p1, p2).");
    expect(text).toContain('call again with cursor "c_2"');
    expect(text).toContain("Next step: read a candidate in depth with opentrain_get_proposal");
    expect(genericSummary({ proposals: [], nextCursor: null }, info("opentrain_list_proposals"))).toContain(
      "No more pages.",
    );
  });

  it("generic: a co-sign answer tells the agent to hand the approvalUrl to the human", () => {
    const text = genericSummary(
      {
        approval: {
          id: "apr_1",
          status: "pending",
          approvalUrl: `${BASE_URL}/approvals/apr_1`,
          expiresAt: "2026-01-04T00:00:00.000Z",
        },
        message: "A signed-in human must confirm at the approval URL.",
      },
      info("opentrain_hire_proposal", 202),
    );
    expect(text).toContain("approval apr_1 (status pending)");
    expect(text).toContain(`no money moves until a signed-in human confirms at ${BASE_URL}/approvals/apr_1`);
    expect(text).toContain("opentrain_get_approval");
  });

  it("generic: a checkout link is surfaced", () => {
    const text = genericSummary(
      {
        topUpId: "tu_1",
        checkoutUrl: `${BASE_URL}/checkout/tu_1`,
        topUp: { id: "tu_1", status: "pending" },
        message: "Pay.",
      },
      info("opentrain_create_credit_top_up"),
    );
    expect(text).toContain(`a signed-in human must pay at ${BASE_URL}/checkout/tu_1`);
  });

  it("a bespoke summary that meets an unexpected body falls back to the generic one", () => {
    expect(() => summarize(null, info("opentrain_get_team"))).not.toThrow();
    expect(summarize({ team: null }, info("opentrain_get_team"))).toContain("Team");
  });

  it("auth_status says whether the account is claimed and what to do next", () => {
    const me = {
      actor: { userId: "u1", email: null, firstName: "Agent", lastName: "", fullName: "Agent", userType: "EMPLOYER" },
      token: { id: "tok_1", label: "agent", scopes: ["jobs:read"], ownerOrganizationId: null },
      account: {
        id: "org_1",
        kind: "employer_organization",
        organizationId: "org_1",
        organizationName: "Acme",
        ownerUserId: "u1",
        memberRole: "OWNER",
        claimed: false,
        claimedAt: null,
      },
    };
    const text = summarize(me, info("opentrain_auth_status"));
    expect(text).toContain("claimed: no");
    expect(text).toContain("scopes: jobs:read");
    expect(text).toContain("opentrain_claim_account");
  });

  it("end to end: the hire tool's 202 keeps the exact API JSON and names the approval link", async () => {
    const home = tempConfigHome();
    const body = {
      approval: { id: "apr_1", type: "proposal_hire", status: "pending", approvalUrl: `${BASE_URL}/approvals/apr_1` },
      message: "Confirm in the app.",
    };
    const f = fakeFetch({ "POST /api/public/v1/proposals/prop_1/hire": { status: 202, body } });
    const { client, close } = await connect({
      env: { XDG_CONFIG_HOME: home.dir, OPENTRAIN_API_BASE_URL: BASE_URL, OPENTRAIN_PERSONAL_API_TOKEN: "ot_pat_x" },
      fetch: f.fetch,
    });
    const r = await call(client, "opentrain_hire_proposal", {
      proposalId: "prop_1",
      milestone: { name: "Pilot batch", amount: 100 },
    });
    await close();
    home.cleanup();
    expect(r.isError, r.text).toBe(false);
    expect(r.data).toEqual(body);
    expect(r.text).toContain(`${BASE_URL}/approvals/apr_1`);
    expect(f.requests[0]!.method).toBe("POST");
  });
});
