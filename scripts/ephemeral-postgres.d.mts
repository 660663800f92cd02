export interface EphemeralPostgres {
  url: string;
  pause(): void;
  resume(): void;
  stop(): void;
}
export function startEphemeralPostgres(): Promise<EphemeralPostgres | null>;
