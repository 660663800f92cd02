// Load generator, run as its own process so it does not share a core's event loop with the
// server under test. Prints one JSON line: { rps, p50, p99, errors, non2xx, requests }.
// With a spec file (5th argument: JSON { method, requests: [{ path, body }], repeat? }) it sends
// each listed request exactly once, in turn across the connections (writes that must not repeat:
// one confirm per approval, messages spread over conversations), or with `repeat` cycles through
// them for `seconds`; without, GETs `url` for `seconds`. A 6th argument (JSON object) adds
// request headers (e.g. accept-encoding).
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const [url, connections = "50", seconds = "5", token = "", specFile = "", extraHeaders = "{}"] = process.argv.slice(2);
const spec = specFile ? JSON.parse(readFileSync(specFile, "utf8")) : null;
const headers = { ...JSON.parse(extraHeaders), ...(token ? { authorization: `Bearer ${token}` } : {}) };
let next = 0;
const options = spec
  ? {
      ...(spec.repeat ? { duration: Number(seconds) } : { amount: spec.requests.length }),
      requests: [
        {
          setupRequest: (req) => {
            const r = spec.requests[next++ % spec.requests.length];
            return {
              ...req,
              method: spec.method,
              path: r.path,
              headers: { ...headers, "content-type": "application/json" },
              body: JSON.stringify(r.body ?? {}),
            };
          },
        },
      ],
    }
  : { duration: Number(seconds), headers };
// autocannon refuses more connections than requests.
const conns = spec && !spec.repeat ? Math.min(Number(connections), spec.requests.length) : Number(connections);
const result = await autocannon({ url, connections: conns, ...options });
process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    seconds: result.duration,
  })}\n`,
);
