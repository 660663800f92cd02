import { TOOLSETS } from "@opentrain-ai/contract";
import { describe, expect, it } from "vitest";
import { UsageError, allTools, parseBinOptions, parseToolsets, selectTools } from "../src/index.js";

describe("parseToolsets", () => {
  it("accepts known ids and all", () => {
    expect(parseToolsets("team")).toEqual(["team"]);
    expect(parseToolsets(" auth , tokens,auth ")).toEqual(["auth", "tokens"]);
    expect(parseToolsets("all")).toBe("all");
    expect(parseToolsets("team,all")).toBe("all");
  });

  it("rejects unknown ids naming the valid ones", () => {
    expect(() => parseToolsets("team,bogus")).toThrow(UsageError);
    expect(() => parseToolsets("bogus")).toThrow(/Unknown toolset: bogus\. Valid toolsets: all, auth/);
    expect(() => parseToolsets(" , ")).toThrow(UsageError);
  });
});

describe("parseBinOptions", () => {
  it("defaults to every toolset, read-write", () => {
    expect(parseBinOptions([], {})).toEqual({ toolsets: "all", readOnly: false, help: false, version: false });
  });

  it("reads flags", () => {
    expect(parseBinOptions(["--toolsets", "team,tokens", "--read-only"], {})).toMatchObject({
      toolsets: ["team", "tokens"],
      readOnly: true,
    });
    expect(parseBinOptions(["--toolsets=auth"], {}).toolsets).toEqual(["auth"]);
    expect(parseBinOptions(["--help"], {}).help).toBe(true);
    expect(parseBinOptions(["-v"], {}).version).toBe(true);
  });

  it("reads the env equivalents, with flags winning", () => {
    expect(parseBinOptions([], { OPENTRAIN_TOOLSETS: "team", OPENTRAIN_READ_ONLY: "1" })).toMatchObject({
      toolsets: ["team"],
      readOnly: true,
    });
    expect(parseBinOptions(["--toolsets", "auth"], { OPENTRAIN_TOOLSETS: "team" }).toolsets).toEqual(["auth"]);
    expect(parseBinOptions([], { OPENTRAIN_READ_ONLY: "0" }).readOnly).toBe(false);
    expect(parseBinOptions([], { OPENTRAIN_TOOLSETS: "" }).toolsets).toBe("all");
  });

  it("turns bad usage into UsageError", () => {
    expect(() => parseBinOptions(["--nope"], {})).toThrow(UsageError);
    expect(() => parseBinOptions(["extra"], {})).toThrow(UsageError);
    expect(() => parseBinOptions(["--toolsets", "bogus"], {})).toThrow(UsageError);
    expect(() => parseBinOptions([], { OPENTRAIN_TOOLSETS: "bogus" })).toThrow(UsageError);
  });
});

describe("selectTools", () => {
  const tools = allTools();

  it("keeps everything by default", () => {
    expect(selectTools({}, tools)).toEqual(tools);
    expect(selectTools({ toolsets: "all" }, tools)).toEqual(tools);
  });

  it("read-only keeps only GET operations", () => {
    const ro = selectTools({ readOnly: true }, tools);
    expect(ro.length).toBeGreaterThan(0);
    expect(ro.every((t) => t.op.method === "GET")).toBe(true);
    expect(ro.length).toBe(tools.filter((t) => t.op.method === "GET").length);
    expect(ro.map((t) => t.name)).not.toContain("opentrain_register_agent");
  });

  it("toolsets filter by resource toolset, and combine with read-only", () => {
    const team = selectTools({ toolsets: ["team"] }, tools);
    expect(team.map((t) => t.name).sort()).toEqual(["opentrain_get_team", "opentrain_invite_team_member"]);
    expect(selectTools({ toolsets: ["team"], readOnly: true }, tools).map((t) => t.name)).toEqual([
      "opentrain_get_team",
    ]);
    for (const set of TOOLSETS) {
      expect(selectTools({ toolsets: [set] }, tools).every((t) => t.toolset === set)).toBe(true);
    }
  });
});
