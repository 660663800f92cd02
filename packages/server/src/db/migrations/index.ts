import { sql as foundation } from "./0001-foundation.js";

/** Committed migrations, applied in order and never edited once released. */
export const MIGRATIONS: readonly { id: string; sql: string }[] = [{ id: "0001-foundation", sql: foundation }];
