import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WebhookSignatureError, isValidWebhookSignature, signWebhookPayload, verifyWebhook } from "../src/index.js";

const secret = "whsec_0123456789abcdefghijABCDEFGHIJ0123456789";
const body =
  '{"id":"42","type":"proposal.received","apiVersion":"v1","createdAt":"2026-07-02T09:00:00.000Z","resourceId":"p_1","jobId":"j_1","data":{"proposalId":"p_1","jobId":"j_1"}}';
const T = 1_780_000_000;
const at = (seconds: number) => () => seconds * 1000;

/** The spec's recipe, computed here independently of the SDK. */
const reference = (t: number, raw: string, key = secret) =>
  `t=${t},v1=${createHmac("sha256", key).update(`${t}.${raw}`).digest("hex")}`;

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof WebhookSignatureError) return err.reason;
    throw err;
  }
  return "none";
}

describe("verifyWebhook", () => {
  it("accepts a delivery signed per the spec and returns its event", () => {
    const event = verifyWebhook(body, reference(T, body), secret, { now: at(T + 10) });
    expect(event).toMatchObject({ id: "42", type: "proposal.received" });
    expect(verifyWebhook(Buffer.from(body), reference(T, body), secret, { now: at(T) }).id).toBe("42");
  });

  it("signWebhookPayload matches the spec's recipe", () => {
    expect(signWebhookPayload(body, secret, T)).toBe(reference(T, body));
  });

  it("accepts up to 300 s of clock difference either way, then refuses", () => {
    expect(isValidWebhookSignature(body, reference(T, body), secret, { now: at(T + 300) })).toBe(true);
    expect(isValidWebhookSignature(body, reference(T, body), secret, { now: at(T - 300) })).toBe(true);
    expect(failure(() => verifyWebhook(body, reference(T, body), secret, { now: at(T + 301) }))).toBe(
      "timestamp_outside_tolerance",
    );
    expect(failure(() => verifyWebhook(body, reference(T, body), secret, { now: at(T - 301) }))).toBe(
      "timestamp_outside_tolerance",
    );
    expect(
      isValidWebhookSignature(body, reference(T, body), secret, { now: at(T + 900), toleranceSeconds: 1000 }),
    ).toBe(true);
  });

  it("refuses a changed body, a re-serialised body, another secret, a secret without its prefix", () => {
    const header = reference(T, body);
    const opts = { now: at(T) };
    expect(failure(() => verifyWebhook(`${body} `, header, secret, opts))).toBe("no_matching_signature");
    expect(failure(() => verifyWebhook(JSON.stringify(JSON.parse(body), null, 2), header, secret, opts))).toBe(
      "no_matching_signature",
    );
    expect(failure(() => verifyWebhook(body, header, `${secret}x`, opts))).toBe("no_matching_signature");
    expect(failure(() => verifyWebhook(body, header, secret.slice(6), opts))).toBe("no_matching_signature");
    // A signature made with a different t does not transfer.
    expect(failure(() => verifyWebhook(body, header.replace(`t=${T}`, `t=${T + 1}`), secret, opts))).toBe(
      "no_matching_signature",
    );
  });

  it("refuses missing and malformed headers and parsed bodies with a reason", () => {
    const opts = { now: at(T) };
    expect(failure(() => verifyWebhook(body, undefined, secret, opts))).toBe("missing_header");
    expect(failure(() => verifyWebhook(body, "", secret, opts))).toBe("missing_header");
    expect(failure(() => verifyWebhook(body, "v1=abc", secret, opts))).toBe("malformed_header");
    expect(failure(() => verifyWebhook(body, `t=${T}`, secret, opts))).toBe("malformed_header");
    expect(failure(() => verifyWebhook(body, `t=soon,v1=${"0".repeat(64)}`, secret, opts))).toBe("malformed_header");
    expect(failure(() => verifyWebhook(body, `t=${T},v1=nothex`, secret, opts))).toBe("no_matching_signature");
    expect(failure(() => verifyWebhook(JSON.parse(body) as never, reference(T, body), secret, opts))).toBe(
      "invalid_payload",
    );
  });

  it("accepts when any of several v1 values matches, in any position", () => {
    const good = reference(T, body).split(",")[1]!;
    const header = `t=${T},v1=${"0".repeat(64)},${good}`;
    expect(isValidWebhookSignature(body, header, secret, { now: at(T) })).toBe(true);
    expect(isValidWebhookSignature(body, [header], secret, { now: at(T) })).toBe(true);
  });

  it("round-trips any JSON body and secret, and any change to the body breaks it", () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.string({ minLength: 1 }),
        fc.nat(1_000_000),
        fc.string({ minLength: 1, maxLength: 3 }),
        (raw, key, t, extra) => {
          const header = signWebhookPayload(raw, key, t);
          expect(header).toBe(reference(t, raw, key));
          expect(isValidWebhookSignature(raw, header, key, { now: at(t) })).toBe(true);
          expect(isValidWebhookSignature(raw + extra, header, key, { now: at(t) })).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});
