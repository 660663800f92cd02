/**
 * NOTIFY channels. Notifications are sent inside the writing transaction and delivered on
 * commit, so a listener woken by one always finds the committed rows.
 */
export const CHANNELS = {
  /** New webhook deliveries are waiting (payload unused). */
  webhookDeliveries: "opentrain_webhook_deliveries",
} as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
