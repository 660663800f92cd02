import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import type { MaybePromise } from "../maybe-promise.js";

const gzipAsync = promisify(gzipCallback);

/** Below this a body goes as it is: gzip would save a few hundred bytes at most. */
export const MIN_GZIP_BYTES = 1024;

/**
 * A serialized JSON answer that is sent many times (a cached public listing answer), with a
 * gzip copy made once, on the first request that accepts gzip. Throughput of these answers is
 * bound by bytes on the wire; compressing on every request would cost more CPU than it saves,
 * compressing once per cached answer costs next to nothing.
 */
export class PrecompressedJson {
  #gzip: Promise<Buffer | null> | undefined;
  /** The settled outcome of `#gzip`: the copy, or null (send identity); undefined until settled. */
  #gzipped: Buffer | null | undefined;

  /**
   * @param opts.compress false for an answer sent once (computed while the cache is off): it
   *   goes as it is. `onCompressed` runs once the gzip copy exists (the cache counts its bytes).
   */
  constructor(
    readonly identity: Buffer,
    private readonly opts: { compress: boolean; onCompressed?: () => void },
  ) {}

  /** Bytes held: the identity body plus its gzip copy once made. */
  get size(): number {
    return this.identity.length + (this.#gzipped?.length ?? 0);
  }

  /**
   * The gzip copy (made on the first call, shared by concurrent callers), or null: send
   * `identity`. Once known it comes back as a value, not a promise (the cached answer's every
   * later request: an await per request costs).
   */
  gzip(): MaybePromise<Buffer | null> {
    if (!this.opts.compress || this.identity.length < MIN_GZIP_BYTES) return null;
    if (this.#gzipped !== undefined) return this.#gzipped;
    this.#gzip ??= gzipAsync(this.identity).then(
      (bytes) => {
        // A copy no smaller than the body is not kept: the answer goes as it is.
        this.#gzipped = bytes.length < this.identity.length ? bytes : null;
        if (this.#gzipped) this.opts.onCompressed?.();
        return this.#gzipped;
      },
      // Never keep a failure: this request goes as it is, the next one tries again.
      () => {
        this.#gzip = undefined;
        return null;
      },
    );
    return this.#gzip;
  }
}
