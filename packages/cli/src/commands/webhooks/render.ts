import type { Webhook } from "@opentrain-ai/contract";
import type { IO } from "../../io.js";
import { renderPairs, renderTable } from "../../output/table.js";
import { command } from "../jobs/render.js";

/** Human layouts of the webhooks commands. */

function details(w: Webhook): [string, string][] {
  return [
    ["ID", w.id],
    ["URL", w.url],
    ["Status", w.status],
    ["Events", w.eventTypes.join(", ")],
    ["Created", w.createdAt],
    ...(w.status === "DISABLED"
      ? ([
          ["Disabled", w.disabledAt ?? "-"],
          ["Reason", w.disabledReason ?? "-"],
        ] as [string, string][])
      : []),
  ];
}

/** `webhooks create`: the subscription and, prominently, the one-time secret. */
export function renderCreated(body: { webhook: Webhook; secret: string; message?: string }): string {
  return (
    `Created webhook ${body.webhook.id}.\n` +
    renderPairs(details(body.webhook)) +
    `\nSigning secret: ${body.secret}\n` +
    "Save the secret now: it is shown only once and cannot be read back. Verify each delivery's\n" +
    "X-OpenTrain-Signature with it (verifyWebhook in @opentrain-ai/sdk). Lost it? Delete the webhook and create a new one.\n"
  );
}

/** `webhooks list`: ID, STATUS, URL, EVENTS, CREATED; disabled ones get their reason below. */
export function renderWebhooks(io: IO, webhooks: Webhook[]): string {
  if (webhooks.length === 0)
    return `No webhooks. Create one: ${command(["webhooks", "create", "<https-url>", "--events", "proposal.received"])}\n`;
  let out = renderTable(io, {
    headers: ["ID", "STATUS", "URL", "EVENTS", "CREATED"],
    rows: webhooks.map((w) => [w.id, w.status, w.url, w.eventTypes.join(","), w.createdAt]),
  });
  const disabled = webhooks.filter((w) => w.status === "DISABLED");
  for (const w of disabled) out += `\n${w.id} is DISABLED: ${w.disabledReason ?? "no reason given"}\n`;
  if (disabled.length > 0) out += "A disabled webhook cannot be re-enabled: delete it and create a new one.\n";
  return out;
}

/** `webhooks get`. */
export function renderWebhook(w: Webhook): string {
  const out = renderPairs(details(w));
  return w.status === "DISABLED"
    ? `${out}\nTo resume deliveries: ${command(["webhooks", "delete", w.id])}, then create a new webhook and catch up with ${command(["updates", "poll"])}.\n`
    : out;
}

/** `webhooks delete`. */
export function renderDeleted(body: { webhook: Webhook }): string {
  return `Deleted webhook ${body.webhook.id} (${body.webhook.url}); its deliveries have stopped.\n`;
}
