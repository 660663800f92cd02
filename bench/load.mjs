// Load generator, run as its own process so it does not share a core's event loop with the
// server under test. Prints one JSON line: { rps, p50, p99, errors, non2xx }.
import autocannon from "autocannon";

const [url, connections = "50", seconds = "5", token = ""] = process.argv.slice(2);
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  headers: token ? { authorization: `Bearer ${token}` } : {},
});
process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  })}\n`,
);
