/** The only source of time for domain code, so the sandbox and tests can move it. */
export interface Clock {
  now(): Date;
}

/** Real time. */
export const systemClock: Clock = { now: () => new Date() };

/** Real time plus an offset that only grows (the sandbox's virtual clock). */
export class VirtualClock implements Clock {
  constructor(private offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Sets the offset, e.g. after reading the shared value from the database; never moves back. */
  setOffset(ms: number): void {
    if (ms > this.offsetMs) this.offsetMs = ms;
  }

  advance(ms: number): Date {
    if (ms < 0) throw new Error("The clock only moves forward");
    this.offsetMs += ms;
    return this.now();
  }
}

/** ISO 8601 with milliseconds and Z, the API's timestamp format. */
export function iso(d: Date): string;
export function iso(d: Date | null): string | null;
export function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}
