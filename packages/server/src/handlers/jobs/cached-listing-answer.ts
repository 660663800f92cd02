import { PrecompressedJson } from "../../http/precompressed-json.js";
import { JsonText, type RequestContext } from "../../http/request-context.js";
import { andThen, type MaybePromise } from "../../maybe-promise.js";

/**
 * A tokenless listing answer from the listing cache, serialized once per listing change and
 * stored complete, `generatedAt` included (the spec's "when the body was built"; at most the
 * cache TTL old, well inside the edge's s-maxage). Stored as bytes, with a gzip copy made once:
 * encoding, measuring and sending a large answer on every request was most of its cost.
 * Without the cache (change notices down) every request builds its own answer.
 */
export function cachedListingAnswer(
  ctx: RequestContext,
  key: string,
  compute: () => Promise<{ generatedAt: string }>,
): MaybePromise<JsonText> {
  const serialize = async () => Buffer.from(JSON.stringify(await compute()));
  if (!ctx.listingCache)
    return serialize().then((body) => new JsonText(new PrecompressedJson(body, { compress: false })));
  return andThen(ctx.listingCache.get(key, serialize), (answer) => new JsonText(answer));
}
