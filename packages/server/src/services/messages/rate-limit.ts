import { and, asc, eq, gt } from "drizzle-orm";
import { messages, type MessageSenderKind } from "../../db/schema.js";
import { ApiError } from "../../errors.js";
import type { ServiceContext } from "../context.js";

/** Messages one side may post into one conversation: per minute and per hour (sliding windows). */
export const MESSAGE_RATE_LIMITS = [
  { limit: 10, windowSeconds: 60 },
  { limit: 60, windowSeconds: 3600 },
] as const;

/**
 * 429 `RATE_LIMITED` with `details.retryAfterSeconds` when `side` has already posted the
 * limit's number of messages into the conversation within a window. The counts are the stored
 * messages themselves (index messages_conversation_created_idx), read by the caller while it
 * holds the conversation's row lock: so the limit holds across server processes, needs no
 * counter table, and two concurrent sends cannot both take the last slot. Windows slide on the
 * injected clock (in the sandbox, advancing the clock frees them).
 */
export async function assertWithinRateLimit(
  tx: ServiceContext,
  conversationId: string,
  side: MessageSenderKind,
  now: Date,
): Promise<void> {
  const longest = Math.max(...MESSAGE_RATE_LIMITS.map((l) => l.windowSeconds));
  const recent = await tx.db
    .select({ createdAt: messages.createdAt })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        gt(messages.createdAt, new Date(now.getTime() - longest * 1000)),
        eq(messages.senderKind, side),
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  for (const { limit, windowSeconds } of MESSAGE_RATE_LIMITS) {
    const windowMs = windowSeconds * 1000;
    const inWindow = recent.filter((m) => m.createdAt.getTime() > now.getTime() - windowMs);
    if (inWindow.length < limit) continue;
    // One more slot opens when the (count − limit + 1)-th oldest message leaves the window.
    const freesAt = inWindow[inWindow.length - limit]!.createdAt.getTime() + windowMs;
    const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
    throw new ApiError(
      "RATE_LIMITED",
      `Too many messages in this conversation: at most ${limit} per ${windowSeconds === 60 ? "minute" : "hour"}. Retry after ${retryAfterSeconds} seconds.`,
      { limit, windowSeconds, retryAfterSeconds, conversationId },
      { "retry-after": String(retryAfterSeconds) },
    );
  }
}
