import { sql as foundation } from "./0001-foundation.js";
import { sql as jobs } from "./0002-jobs.js";
import { sql as trainers } from "./0003-trainers.js";
import { sql as proposals } from "./0004-proposals.js";
import { sql as messages } from "./0005-messages.js";
import { sql as money } from "./0006-money.js";
import { sql as hiring } from "./0007-hiring.js";
import { sql as webhooks } from "./0008-webhooks.js";
import { sql as jobProposalCounts } from "./0009-job-proposal-counts.js";
import { sql as conversationUnreads } from "./0010-conversation-unreads.js";
import { sql as inboxNotices } from "./0011-inbox-notices.js";

/**
 * Committed migrations, never edited once released. The migrator applies the pending ones in
 * order of their ids, whatever the order here; numbers need not be contiguous (areas reserve
 * numbers ahead, so a later number may land first).
 */
export const MIGRATIONS: readonly { id: string; sql: string }[] = [
  { id: "0001-foundation", sql: foundation },
  { id: "0002-jobs", sql: jobs },
  { id: "0003-trainers", sql: trainers },
  { id: "0004-proposals", sql: proposals },
  { id: "0005-messages", sql: messages },
  { id: "0006-money", sql: money },
  { id: "0007-hiring", sql: hiring },
  { id: "0008-webhooks", sql: webhooks },
  { id: "0009-job-proposal-counts", sql: jobProposalCounts },
  { id: "0010-conversation-unreads", sql: conversationUnreads },
  { id: "0011-inbox-notices", sql: inboxNotices },
];
