import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/bin.js");
const children: ChildProcess[] = [];

function startBin(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, [BIN], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
    const check = setInterval(() => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearInterval(check);
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolveStart({ child, port: Number(m[1]), output: () => out });
      }
    }, 50);
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.on("exit", (c) => r(c))));

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

describe("opentrain-server process", { timeout: 120_000 }, () => {
  it("migrates a fresh PGlite data directory, keeps data across restarts, and prints the banner", async () => {
    const dir = mkdtempSync(join(tmpdir(), "opentrain-data-"));
    try {
      const first = await startBin({ OPENTRAIN_DATA_DIR: dir });
      expect(first.output()).toContain("migrations applied");
      expect(first.output()).toContain("Sandbox secret:  sbx_");
      const reg = await fetch(`http://127.0.0.1:${first.port}/api/agent/identity`, { method: "POST" });
      const token = (await reg.json()).access_token as string;
      first.child.kill("SIGTERM");
      expect(await exitOf(first.child)).toBe(0);

      const second = await startBin({ OPENTRAIN_DATA_DIR: dir });
      expect(second.output()).not.toContain("migrations applied");
      const me = await fetch(`http://127.0.0.1:${second.port}/api/public/v1/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.status).toBe(200);
      second.child.kill("SIGTERM");
      expect(await exitOf(second.child)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("drains an in-flight request on SIGTERM, then exits 0", async () => {
    const { child, port, output } = await startBin({ OPENTRAIN_DATA_DIR: "memory" });
    // A request whose body is still arriving when SIGTERM lands.
    const answer = new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/agent/identity",
          headers: { "content-type": "application/json" },
        },
        (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => done({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", fail);
      req.write('{"agent_name":');
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => req.end('"Draining"}'), 300);
      }, 200);
    });
    const res = await answer;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).access_token).toMatch(/^ot_pat_/);
    expect(await exitOf(child)).toBe(0);
    expect(output()).toContain("shutdown complete");
  });

  it("refuses bad configuration with a message naming the variable", async () => {
    const child = spawn(process.execPath, [BIN], {
      env: { PATH: process.env.PATH ?? "", OPENTRAIN_MODE: "staging" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    expect(await exitOf(child)).toBe(2);
    expect(err).toContain('OPENTRAIN_MODE must be "sandbox" or "production"');
  });
});
