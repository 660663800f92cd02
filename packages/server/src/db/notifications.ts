/**
 * NOTIFY channels. Notifications are sent inside the writing transaction and delivered on
 * commit, so a listener woken by one always finds the committed rows.
 */
export const CHANNELS = {
  /** New webhook deliveries are waiting (payload unused). */
  webhookDeliveries: "opentrain_webhook_deliveries",
  /** An account's event log grew (payload `accountId:eventId`). */
  accountEvents: "opentrain_account_events",
} as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
