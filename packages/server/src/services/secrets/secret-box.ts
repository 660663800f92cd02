import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Config } from "../../config.js";

/**
 * Secrets the platform must read back later (webhook signing secrets) are sealed with
 * AES-256-GCM under OPENTRAIN_SECRET_KEY: `v1.<iv>.<tag>.<ciphertext>` in base64url. The
 * record's id is bound in as associated data, so a sealed value copied onto another record
 * does not open.
 */
const VERSION = "v1";

function keyOf(config: Pick<Config, "secretKey">): Buffer {
  if (!config.secretKey || config.secretKey.length !== 32) {
    throw new Error("no 32-byte secret key configured (OPENTRAIN_SECRET_KEY); startServer sets one in a sandbox");
  }
  return config.secretKey;
}

export function sealSecret(config: Pick<Config, "secretKey">, plaintext: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(config), iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Opens a sealed value; throws when the key, the binding or the value is wrong. */
export function openSecret(config: Pick<Config, "secretKey">, sealed: string, boundTo: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("unknown sealed-secret format");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(config), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
