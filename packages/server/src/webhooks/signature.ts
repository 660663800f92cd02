import { createHmac } from "node:crypto";

/**
 * `X-OpenTrain-Signature` (spec 40 §5): `t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `<t>.<raw body>`, keyed with the whole whsec_ secret. `t` is read at each attempt from the
 * real clock: receivers compare it with their own clock, which the sandbox's virtual clock
 * does not move.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  const v1 = createHmac("sha256", secret).update(`${t}.`).update(body).digest("hex");
  return `t=${t},v1=${v1}`;
}
