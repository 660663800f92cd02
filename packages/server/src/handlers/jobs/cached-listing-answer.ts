import { iso } from "../../clock.js";
import { JsonText, type RequestContext } from "../../http/request-context.js";

/**
 * A tokenless listing answer from the listing cache, serialized and encoded once per listing
 * change (stored as bytes: encoding and measuring a large string on every request was most of
 * its cost); only its `generatedAt` is stamped per request.
 */
export async function cachedListingAnswer(
  ctx: RequestContext,
  key: string,
  compute: () => Promise<{ generatedAt: string }>,
): Promise<JsonText> {
  // `{...}` is stored without its closing brace; `,"generatedAt":"…"}` completes it.
  const serialize = async () => {
    const { generatedAt: _computedAt, ...rest } = await compute();
    return Buffer.from(JSON.stringify(rest).slice(0, -1));
  };
  const head = ctx.listingCache ? await ctx.listingCache.get(key, serialize) : await serialize();
  const tail = Buffer.from(`,"generatedAt":${JSON.stringify(iso(ctx.clock.now()))}}`);
  return new JsonText(Buffer.concat([head, tail]));
}
