// The baseline of every HTTP figure: a bare Fastify route answering a constant, in its own
// process, measured in the same run and on the same machine as the platform. The POST route
// parses a JSON body and answers a constant: the baseline of the write benchmarks.
import Fastify from "fastify";

const app = Fastify({ logger: false });
const body = { ok: true, actor: { userId: "usr_baseline" } };
app.get("/constant", async () => body);
app.post("/constant", async (req, reply) => reply.code(201).send({ ...body, received: typeof req.body }));
const address = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${address}\n`);
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
