import { list, obj, plural, str, type Json, type Summarizer } from "./types.js";

/** Which read tool gives the details of an event, by type. */
const READ_TOOL: Record<string, (data: Json) => string> = {
  "proposal.received": (d) => `opentrain_get_proposal (proposalId "${str(d.proposalId) ?? "?"}")`,
  "proposal.status_changed": (d) => `opentrain_get_proposal (proposalId "${str(d.proposalId) ?? "?"}")`,
  "message.received": (d) => `opentrain_read_messages (conversationId "${str(d.conversationId) ?? "?"}")`,
  "contract.created": (d) => `opentrain_get_contract (contractId "${str(d.contractId) ?? "?"}")`,
  "milestone.status_changed": (d) => `opentrain_get_contract (contractId "${str(d.contractId) ?? "?"}")`,
  "contract.budget_state_changed": (d) => `opentrain_get_contract (contractId "${str(d.contractId) ?? "?"}")`,
  "payment.pending": () => "opentrain_list_pending_payments",
  "approval.confirmed": (d) => `opentrain_get_approval (approvalId "${str(d.approvalId) ?? "?"}")`,
};

function describeData(data: Json): string {
  return Object.entries(data)
    .map(([k, v]) => `${k} ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

/** opentrain_poll_updates: one line per event with the tool that reads it, then what to do with the cursor. */
export const pollUpdatesSummary: Summarizer = (raw, { params }) => {
  const body = obj(raw) ?? {};
  const events = list(body.events)
    .map(obj)
    .filter((e): e is Json => e !== undefined);
  const cursor = str(body.nextCursor);
  const sent = str(params.cursor);
  const lines: string[] = [];
  if (events.length === 0) {
    lines.push(sent ? `No new events after cursor "${sent}".` : "No events yet on this account.");
  } else {
    lines.push(`${plural(events.length, "event")}, oldest first (payloads carry ids only):`);
    for (const e of events) {
      const type = str(e.type) ?? "?";
      const data = obj(e.data) ?? {};
      const read = READ_TOOL[type]?.(data);
      lines.push(
        `- #${str(e.id) ?? "?"} ${type} at ${str(e.createdAt) ?? "?"}: ${describeData(data)}${read ? ` → ${read}` : ""}`,
      );
    }
  }
  if (body.hasMore === true && cursor) {
    lines.push(`More events are already waiting: call opentrain_poll_updates again now with cursor "${cursor}".`);
  } else if (cursor) {
    lines.push(`Caught up. Save cursor "${cursor}" and pass it on the next poll to get only newer events.`);
  } else {
    lines.push("Caught up. Poll again later without a cursor.");
  }
  lines.push("Full response in structuredContent.");
  return lines.join("\n");
};

function describeWebhook(w: Json): string {
  const types = list(w.eventTypes).join(", ") || "no events";
  const disabled =
    str(w.status) === "DISABLED"
      ? ` since ${str(w.disabledAt) ?? "?"}: ${str(w.disabledReason) ?? "no reason given"}`
      : "";
  return `${str(w.id) ?? "?"} [${str(w.status) ?? "?"}${disabled}] → ${str(w.url) ?? "?"} for ${types}`;
}

/** opentrain_create_webhook: the secret, with the warning that it is shown only this once. */
export const createWebhookSummary: Summarizer = (raw) => {
  const body = obj(raw) ?? {};
  const w = obj(body.webhook) ?? {};
  return [
    `Created webhook ${describeWebhook(w)}.`,
    `Signing secret: ${str(body.secret) ?? "?"}`,
    "This secret is shown only once — store it now (e.g. in the receiver's configuration); it can never be retrieved again. If it is lost, delete the webhook with opentrain_delete_webhook and create a new one.",
    'Each delivery is a POST of one event signed in X-OpenTrain-Signature (t=<unix>,v1=<HMAC-SHA256 of "<t>.<raw body>"> with this secret); verify it against the raw body, reject timestamps older than 5 minutes, and dedupe on X-OpenTrain-Delivery.',
    "Only events created from now on are delivered; catch up on earlier ones with opentrain_poll_updates.",
  ].join("\n");
};

/** opentrain_list_webhooks */
export const listWebhooksSummary: Summarizer = (raw) => {
  const hooks = list(obj(raw)?.webhooks)
    .map(obj)
    .filter((w): w is Json => w !== undefined);
  const disabled = hooks.filter((w) => str(w.status) === "DISABLED").length;
  return [
    hooks.length === 0
      ? "No webhook subscriptions. Create one with opentrain_create_webhook."
      : `${plural(hooks.length, "webhook subscription")} (${disabled} disabled), newest first; secrets are never shown:`,
    ...hooks.map((w) => `- ${describeWebhook(w)}`),
    ...(disabled > 0
      ? ["A DISABLED webhook cannot be re-enabled: delete it with opentrain_delete_webhook and create a new one."]
      : []),
  ].join("\n");
};

/** opentrain_get_webhook */
export const getWebhookSummary: Summarizer = (raw) => {
  const w = obj(obj(raw)?.webhook) ?? {};
  return [
    `Webhook ${describeWebhook(w)}; created ${str(w.createdAt) ?? "?"}.`,
    str(w.status) === "DISABLED"
      ? "Next step: fix the receiver, delete this webhook with opentrain_delete_webhook, create a new one (new secret), then catch up with opentrain_poll_updates."
      : "It is receiving deliveries. The signing secret is never returned; if lost, delete and re-create the webhook.",
  ].join("\n");
};

/** opentrain_delete_webhook */
export const deleteWebhookSummary: Summarizer = (raw) => {
  const w = obj(obj(raw)?.webhook) ?? {};
  return [
    `Deleted webhook ${str(w.id) ?? "?"} (${str(w.url) ?? "?"}); its deliveries have stopped and its delivery history is gone.`,
    "Next step: if you still need pushes, create a new subscription with opentrain_create_webhook (it gets a new secret) and catch up with opentrain_poll_updates.",
  ].join("\n");
};
