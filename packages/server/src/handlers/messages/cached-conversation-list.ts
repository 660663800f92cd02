import { JsonText, type RequestContext } from "../../http/request-context.js";
import { andThen, type MaybePromise } from "../../maybe-promise.js";
import type { Principal } from "../../services/context.js";
import { listConversations, type ListConversationsInput } from "../../services/messages/list-conversations.js";

/**
 * The caller's conversation list, served from the inbox cache while nothing in the account's
 * conversations changed (services/messages/inbox-cache.ts), stored as the serialized bytes.
 * Read markers are per user, so the user is part of the key.
 */
export function cachedConversationList(
  ctx: RequestContext,
  principal: Principal,
  input: ListConversationsInput,
): MaybePromise<JsonText> {
  const serialize = async () => Buffer.from(JSON.stringify(await listConversations(ctx, principal, input)));
  if (!ctx.inboxCache) return serialize().then((body) => new JsonText(body));
  const key = JSON.stringify([
    principal.userId,
    input.filter ?? "all",
    Boolean(input.unreadOnly),
    input.limit ?? null,
    input.cursor ?? null,
  ]);
  return andThen(ctx.inboxCache.get(principal.accountId, key, serialize), (body) => new JsonText(body));
}
