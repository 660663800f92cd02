/**
 * The built `opentrain` binary against a server whose gzip answer is corrupt (a proxy mangling
 * bodies): the error says the server answered but its answer could not be read, never "Could not
 * reach", and never prints garbage as JSON. Needs `npm run build` (the bundle).
 */
import { EXIT_CODES } from "@opentrain-ai/contract";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(resolve(fileURLToPath(new URL("..", import.meta.url))), "dist/bin.js");

describe.skipIf(!existsSync(BIN))("opentrain with an unreadable answer", () => {
  let server: Server;
  let origin: string;
  let home: string;
  let requests = 0;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "ot-cli-unreadable-"));
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end("this is not gzip");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(home, { recursive: true, force: true });
  });

  it("says the server answered but its gzip body is corrupt, after retrying the GET", async () => {
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(
        process.execPath,
        [BIN, "jobs", "search", "rlhf", "--json"],
        { env: { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: home, OPENTRAIN_API_BASE_URL: origin } },
        (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(r.code).toBe(EXIT_CODES.NETWORK);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      new RegExp(`^Error \\(network\\): The answer from ${origin} could not be read: its gzip body is corrupt \\(`),
    );
    expect(requests).toBe(3);
  });
});
