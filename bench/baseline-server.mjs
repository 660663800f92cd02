// The baseline of every HTTP figure: a bare Fastify route answering a constant, in its own
// process, measured in the same run and on the same machine as the platform. The POST route
// parses a JSON body and answers a constant: the baseline of the write benchmarks.
import Fastify from "fastify";

const app = Fastify({ logger: false });
const body = { ok: true, actor: { userId: "usr_baseline" } };
app.get("/constant", async () => body);
// A constant JSON body of n bytes: the baseline of a target whose answer is large, so the cost of
// moving its bytes is not counted against the platform.
const sized = new Map();
app.get("/bytes/:n", async (req, reply) => {
  const n = Math.min(Number(req.params.n) || 0, 10_000_000);
  if (!sized.has(n)) sized.set(n, Buffer.from(JSON.stringify({ pad: "x".repeat(Math.max(0, n - 10)) })));
  return reply.type("application/json").send(sized.get(n));
});
app.post("/constant", async (req, reply) => reply.code(201).send({ ...body, received: typeof req.body }));
const address = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${address}\n`);
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
