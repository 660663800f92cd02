import { sql as foundation } from "./0001-foundation.js";
import { sql as jobs } from "./0002-jobs.js";
import { sql as trainers } from "./0003-trainers.js";
import { sql as proposals } from "./0004-proposals.js";
import { sql as messages } from "./0005-messages.js";
import { sql as money } from "./0006-money.js";
import { sql as hiring } from "./0007-hiring.js";

/** Committed migrations, applied in order and never edited once released. */
export const MIGRATIONS: readonly { id: string; sql: string }[] = [
  { id: "0001-foundation", sql: foundation },
  { id: "0002-jobs", sql: jobs },
  { id: "0003-trainers", sql: trainers },
  { id: "0004-proposals", sql: proposals },
  { id: "0005-messages", sql: messages },
  { id: "0006-money", sql: money },
  { id: "0007-hiring", sql: hiring },
];
