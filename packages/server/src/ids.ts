import { hash, randomBytes, timingSafeEqual } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Unbiased random base62 string. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Record ids: a type prefix and 20 random characters (`tok_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase62(20)}`;
}

export const SECRET_PREFIXES = {
  pat: "ot_pat_",
  claim: "ot_clm_",
  attempt: "ot_cat_",
  session: "ot_ses_",
  link: "ot_lnk_",
  invite: "ot_inv_",
} as const;

/** A new secret: prefix + 40 random characters (~238 bits). */
export function newSecret(kind: keyof typeof SECRET_PREFIXES): string {
  return SECRET_PREFIXES[kind] + randomBase62(40);
}

/** Secrets are stored only as SHA-256 digests; they are high-entropy, so no slow hash is needed. */
export function hashSecret(secret: string): string {
  // One-shot hash (Node >= 20.12): every authenticated request hashes its bearer token, and
  // the one-shot form costs a third of a Hash object's.
  return hash("sha256", secret, "hex");
}

/** `ot_pat_8f2a********91cd`: prefix, first 4 and last 4 characters of the random part. */
export function previewToken(token: string): string {
  const prefix = token.slice(0, 7);
  const body = token.slice(7);
  return `${prefix}${body.slice(0, 4)}********${body.slice(-4)}`;
}

/** 6-digit code, uniformly random. */
export function newUserCode(): string {
  return String(randomBytes(4).readUInt32BE(0) % 1_000_000).padStart(6, "0");
}

export function constantTimeEquals(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
