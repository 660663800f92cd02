import pino, { type Logger } from "pino";

/** Structured JSON logs; secrets never reach them (query strings dropped, auth headers redacted). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ["req.headers.authorization", "req.headers.cookie", "res.headers['set-cookie']", "*.token", "*.secret"],
        censor: "[redacted]",
      },
      serializers: {
        // Claim links and sign-in links carry secrets in the query string: log the path only.
        req: (req: { method?: string; url?: string; ip?: string; id?: string }) => ({
          method: req.method,
          path: req.url?.split("?")[0],
          ip: req.ip,
        }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
