import { WEBHOOK_HEADERS, WEBHOOK_TIMEOUT_MS, WEBHOOK_USER_AGENT } from "@opentrain-ai/contract";
import type { Clock } from "../clock.js";
import type { Database } from "../db/client.js";
import { CHANNELS } from "../db/notifications.js";
import type { ServiceContext } from "../services/context.js";
import { claimDueDeliveries, type ClaimedDelivery } from "../services/webhooks/claim-due-deliveries.js";
import { recordDeliveryOutcome, type AttemptResult } from "../services/webhooks/record-delivery-outcome.js";
import { DeliverySender } from "./post-delivery.js";
import { signatureHeader } from "./signature.js";

export interface DeliveryWorkerOptions {
  /** Services context: the database, the platform clock (virtual in the sandbox), config, log. */
  ctx: ServiceContext;
  database: Database;
  /** Real time, for the signature's `t`. */
  wallClock: Clock;
  /** Attempts in flight at once in this process. */
  concurrency?: number;
  /** Real milliseconds between passes when nothing wakes the worker (retries falling due, expired leases). */
  pollIntervalMs?: number;
}

/**
 * Sends the outbox's due deliveries. A pass claims due rows (claimDueDeliveries: SKIP LOCKED
 * plus a lease, so processes split the work), posts them with up to `concurrency` in flight,
 * records each outcome, and claims again as slots free up, until nothing is due and nothing
 * is in flight. Passes start on a NOTIFY from recordEvent (a PGlite listener in process, a
 * LISTEN connection on PostgreSQL), on a timer, and from the sandbox clock helper, which
 * awaits the pass so that retries made due by moving the clock are sent before it answers.
 */
export class DeliveryWorker {
  private readonly sender: DeliverySender;
  private readonly inflight = new Set<Promise<void>>();
  private pass: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly concurrency: number;

  constructor(private readonly opts: DeliveryWorkerOptions) {
    this.sender = new DeliverySender(opts.ctx.config.mode === "production");
    this.concurrency = opts.concurrency ?? 16;
  }

  async start(): Promise<void> {
    this.unlisten = await this.opts.database.listen(CHANNELS.webhookDeliveries, {
      onNotify: () => void this.kick(),
      // Back after a dropped connection: whatever was announced meanwhile is picked up now.
      onLive: (live) => {
        if (live) void this.kick();
      },
    });
    this.timer = setInterval(() => void this.kick(), this.opts.pollIntervalMs ?? 2_000);
    this.timer.unref();
    void this.kick();
  }

  /**
   * Runs a pass, or joins the running one and makes it look again before it ends. Resolves when
   * nothing due is left and every attempt this process started has its outcome recorded.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.pass) {
      this.again = true;
      return this.pass;
    }
    this.pass = this.run().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  /** Stops claiming, lets the attempts in flight finish and record their outcome, closes connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
    await this.pass;
    await Promise.all(this.inflight);
    this.sender.close();
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        if (this.stopped) {
          await Promise.all(this.inflight);
          return;
        }
        const free = this.concurrency - this.inflight.size;
        let claimed: ClaimedDelivery[] = [];
        try {
          claimed = free > 0 ? await claimDueDeliveries(this.opts.ctx, free) : [];
        } catch (err) {
          // The database is away (or closing): the next timer tick tries again.
          this.opts.ctx.log.warn({ err }, "webhooks: claiming due deliveries failed");
          await Promise.all(this.inflight);
          return;
        }
        for (const delivery of claimed) {
          const attempt: Promise<void> = this.attempt(delivery).finally(() => this.inflight.delete(attempt));
          this.inflight.add(attempt);
        }
        if (claimed.length === 0 && this.inflight.size === 0) break;
        if (claimed.length === 0 || this.inflight.size >= this.concurrency) await Promise.race(this.inflight);
      }
    } while (this.again);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    let result: AttemptResult;
    if (delivery.secret === null) {
      result = { ok: false, statusCode: null, error: "the signing secret could not be decrypted" };
    } else {
      const t = Math.floor(this.opts.wallClock.now().getTime() / 1000);
      result = await this.sender.post({
        url: delivery.url,
        body: delivery.body,
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "user-agent": WEBHOOK_USER_AGENT,
          [WEBHOOK_HEADERS.event]: delivery.eventType,
          [WEBHOOK_HEADERS.delivery]: delivery.deliveryId,
          [WEBHOOK_HEADERS.signature]: signatureHeader(delivery.secret, delivery.body, t),
        },
      });
    }
    try {
      const outcome = await recordDeliveryOutcome(this.opts.ctx, delivery, result);
      this.opts.ctx.log.debug(
        { deliveryId: delivery.deliveryId, attempt: delivery.attempt, outcome, error: result.error },
        "webhooks: attempt recorded",
      );
    } catch (err) {
      // The lease runs out and the attempt is made again: at-least-once.
      this.opts.ctx.log.warn({ err, deliveryId: delivery.deliveryId }, "webhooks: recording an attempt failed");
    }
  }
}
