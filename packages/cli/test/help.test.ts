import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { IO } from "../src/io.js";
import { buildProgram, invokedWords } from "../src/program.js";
import { runCli } from "./helpers.js";

/**
 * Snapshots of the public command tree: any change to commands, flags or help text shows up in
 * review. After an intended change (e.g. a new operation in the contract), refresh with
 * `npx vitest run packages/cli -u`.
 */
describe("help", () => {
  it("opentrain --help", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatchSnapshot();
  });

  it("opentrain auth --help", async () => {
    const r = await runCli(["auth", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it("opentrain auth register --help", async () => {
    const r = await runCli(["auth", "register", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it.each([
    "jobs",
    "jobs draft create",
    "jobs draft update",
    "jobs update-published",
    "jobs search",
    "proposals",
    "proposals list",
    "messages",
    "messages send",
    "proposals hire",
    "contracts",
    "milestones",
    "approvals get",
    "credits",
  ])("opentrain %s --help", async (path) => {
    const r = await runCli([...path.split(" "), "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it("a namespace without a subcommand prints its help on stderr and exits 2", async () => {
    const r = await runCli(["auth"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: opentrain auth");
  });

  it("every command answers --help with exit 0", async () => {
    const paths: string[][] = [];
    const walk = (cmd: Command, path: string[]) => {
      for (const c of cmd.commands) {
        paths.push([...path, c.name()]);
        walk(c, [...path, c.name()]);
      }
    };
    walk(buildProgram({ io: IO.test().io }), []);
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const r = await runCli([...path, "--help"]);
      expect(r.code, path.join(" ")).toBe(0);
      expect(r.stdout).toContain(`Usage: opentrain ${path.join(" ")}`);
    }
  });

  it("building only the invoked branch (cold start) gives every command the help of the whole tree", () => {
    const find = (root: Command, path: string[]) =>
      path.reduce<Command | undefined>((c, name) => c?.commands.find((s) => s.name() === name), root);
    const full = buildProgram({ io: IO.test().io });
    const paths: string[][] = [];
    const walk = (cmd: Command, path: string[]) => {
      for (const c of cmd.commands) {
        paths.push([...path, c.name()]);
        walk(c, [...path, c.name()]);
      }
    };
    walk(full, []);
    for (const path of paths) {
      const words = invokedWords([...path, "--json"]);
      expect(words, path.join(" ")).toEqual(path);
      const partial = buildProgram({ io: IO.test().io, words });
      expect(find(partial, path)?.helpInformation(), path.join(" ")).toBe(find(full, path)?.helpInformation());
    }
  });

  it("a mistyped subcommand still gets commander's suggestion", async () => {
    const r = await runCli(["jobs", "serch", "rlhf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("(Did you mean search?)");
  });
});
