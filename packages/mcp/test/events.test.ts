import { describe, expect, it } from "vitest";
import { ToolContext, allTools, summarize } from "../src/index.js";

const tools = new Map(allTools().map((t) => [t.name, t]));
const info = (name: string, params: Record<string, unknown> = {}) => ({
  tool: tools.get(name)!,
  params,
  ctx: new ToolContext({ env: {} }),
  status: 200,
});

const webhook = {
  id: "whk_1",
  url: "https://hooks.example.com/ot",
  eventTypes: ["proposal.received", "message.received"],
  status: "ACTIVE",
  createdAt: "2026-07-01T08:00:00.000Z",
  disabledAt: null,
  disabledReason: null,
};

describe("events summaries", () => {
  it("poll_updates: a line per event with the read tool, and what to do with the cursor", () => {
    const body = {
      events: [
        {
          id: "88",
          type: "proposal.received",
          apiVersion: "v1",
          createdAt: "2026-07-02T09:00:00.000Z",
          resourceId: "p_1",
          jobId: "j_1",
          data: { proposalId: "p_1", jobId: "j_1" },
        },
        {
          id: "90",
          type: "approval.confirmed",
          apiVersion: "v1",
          createdAt: "2026-07-02T09:01:00.000Z",
          resourceId: "apr_1",
          jobId: null,
          data: { approvalId: "apr_1", status: "declined" },
        },
      ],
      nextCursor: "90",
      hasMore: true,
    };
    const text = summarize(body, info("opentrain_poll_updates"));
    expect(text.split("\n").slice(0, 4)).toEqual([
      "2 events, oldest first (payloads carry ids only):",
      '- #88 proposal.received at 2026-07-02T09:00:00.000Z: proposalId p_1, jobId j_1 → opentrain_get_proposal (proposalId "p_1")',
      '- #90 approval.confirmed at 2026-07-02T09:01:00.000Z: approvalId apr_1, status declined → opentrain_get_approval (approvalId "apr_1")',
      'More events are already waiting: call opentrain_poll_updates again now with cursor "90".',
    ]);
    const caughtUp = summarize(
      { events: [], nextCursor: "90", hasMore: false },
      info("opentrain_poll_updates", { cursor: "90" }),
    );
    expect(caughtUp).toContain('No new events after cursor "90".');
    expect(caughtUp).toContain('Save cursor "90"');
    expect(summarize({ events: [], nextCursor: null, hasMore: false }, info("opentrain_poll_updates"))).toContain(
      "No events yet on this account.",
    );
  });

  it("create_webhook: shows the secret and says it is shown only once", () => {
    const text = summarize({ webhook, secret: "whsec_abc", message: "Store it" }, info("opentrain_create_webhook"));
    expect(text).toContain(
      "Created webhook whk_1 [ACTIVE] → https://hooks.example.com/ot for proposal.received, message.received.",
    );
    expect(text).toContain("Signing secret: whsec_abc");
    expect(text).toContain("shown only once");
    expect(text).toContain("X-OpenTrain-Signature");
  });

  it("list, get and delete webhooks; disabled ones say how to recover", () => {
    const off = {
      ...webhook,
      id: "whk_2",
      status: "DISABLED",
      disabledAt: "2026-07-02T00:00:00.000Z",
      disabledReason: "failed",
    };
    const listed = summarize({ webhooks: [off, webhook] }, info("opentrain_list_webhooks"));
    expect(listed).toContain("2 webhook subscriptions (1 disabled)");
    expect(listed).toContain("- whk_2 [DISABLED since 2026-07-02T00:00:00.000Z: failed]");
    expect(listed).toContain("cannot be re-enabled");
    expect(listed).not.toContain("whsec_");
    expect(summarize({ webhook: off }, info("opentrain_get_webhook"))).toContain(
      "delete this webhook with opentrain_delete_webhook",
    );
    expect(summarize({ webhook, deleted: true }, info("opentrain_delete_webhook"))).toContain(
      "Deleted webhook whk_1 (https://hooks.example.com/ot); its deliveries have stopped",
    );
  });
});
