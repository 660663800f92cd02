import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { sandboxState } from "../../db/schema.js";
import type { Db } from "../../db/client.js";

const KEY = "secret_key";

/**
 * A sandbox started without OPENTRAIN_SECRET_KEY generates one on first start and keeps it in
 * the database, so sealed secrets survive restarts and every process on the same database
 * shares it. (A key next to the data it protects only keeps a sandbox working; production
 * requires the variable.)
 */
export async function loadOrCreateSandboxSecretKey(db: Db): Promise<Buffer> {
  await db
    .insert(sandboxState)
    .values({ key: KEY, value: randomBytes(32).toString("hex") })
    .onConflictDoNothing({ target: sandboxState.key });
  const [row] = await db.select().from(sandboxState).where(eq(sandboxState.key, KEY)).limit(1);
  if (!row || typeof row.value !== "string" || !/^[0-9a-f]{64}$/.test(row.value)) {
    throw new Error("sandbox_state.secret_key is not 64 hex characters");
  }
  return Buffer.from(row.value, "hex");
}
