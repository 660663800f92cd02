import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, stubApi, tempConfig } from "./helpers.js";

const BASE = "http://api.test";
const API = "/api/public/v1";
let cfg: ReturnType<typeof tempConfig>;
let env: Record<string, string>;

beforeEach(() => {
  cfg = tempConfig();
  env = { ...cfg.env, OT_API_BASE_URL: BASE, OT_API_TOKEN: "ot_pat_test" };
});
afterEach(() => cfg.cleanup());

const proposal = (id: string, name: string, interviewScore: number | null, matchScore: number | null, extra = {}) => ({
  id,
  jobId: "job_1",
  jobTitle: "German Audio Transcription",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  status: { raw: "UNREVIEWED", label: "Unreviewed" },
  source: "APPLIED",
  invitation: null,
  bid: { amountUsd: 18, unit: "PER_HOUR", labelerHourlyRateUsd: 18 },
  candidate: {
    id: `usr_${id}`,
    profileSlug: null,
    displayName: name,
    firstName: name.split(" ")[0],
    lastNameInitial: "X.",
    profileTitle: "Transcriber",
    profilePhotoUrl: null,
    countryCode: "DE",
    country: "Germany",
    talentType: "FREELANCER",
    highestEarningsUsd: null,
    reviewCount: 3,
  },
  metrics: { interviewScore, matchScore },
  ...extra,
});

const CONVERSATION = {
  id: "conv_1",
  type: "DIRECT_MESSAGE",
  bucket: "proposal",
  jobId: "job_1",
  proposalId: "prop_1",
  channelName: null,
  updatedAt: "2026-01-02T00:00:00.000Z",
  readOnly: false,
  freelancer: { userId: "usr_1", displayName: "Ana P.", country: "Germany", profilePath: "/profile/ana-p" },
};

const message = (id: string, content: string, mine: boolean, at: string) => ({
  id,
  createdAt: at,
  updatedAt: at,
  conversationId: "conv_1",
  jobId: null,
  senderUserId: mine ? "usr_emp" : "usr_1",
  isFromViewer: mine,
  content,
  messageType: null,
  system: false,
  hasUnreadFlag: !mine,
  attachmentCount: 0,
  hasAudio: false,
  editedAt: null,
  reactionCount: 0,
});

describe("proposals", () => {
  it("list: a table with NAME, STATUS, BID, INTERVIEW, MATCH, ID and the next-page command", async () => {
    const f = stubApi({
      "GET /jobs/job_1/proposals": {
        status: 200,
        body: {
          proposals: [
            proposal("prop_1", "Ana P.", 88, 0.7),
            proposal("prop_2", "Ben K.", null, null, {
              bid: { amountUsd: null, unit: null, labelerHourlyRateUsd: null },
              invitation: { status: "PENDING", invitedAt: "t", respondedAt: null },
              source: "INVITED",
            }),
          ],
          nextCursor: "c_2",
        },
      },
    });
    const r = await runCli(["proposals", "list", "job_1", "--status", "unreviewed", "--limit", "2"], {
      env,
      fetch: f.fetch,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const q = f.requests[0]!.url.searchParams;
    expect(q.get("status")).toBe("unreviewed"); // the server matches it case-insensitively
    expect(q.get("limit")).toBe("2");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("NAME\tSTATUS\tBID\tINTERVIEW\tMATCH\tID");
    expect(lines[1]).toBe("Ana P.\tUNREVIEWED\t$18/h\t88\t0.70\tprop_1");
    expect(lines[2]).toBe("Ben K.\tUNREVIEWED (invited: PENDING)\t-\t-\t-\tprop_2");
    expect(r.stdout).toContain("Next page: opentrain proposals list job_1 --status unreviewed --limit 2 --cursor c_2");
  });

  it("list: --json prints the API answer; an empty list says so", async () => {
    const body = { proposals: [], nextCursor: null };
    const f = stubApi({ "GET /jobs/job_1/proposals": { status: 200, body } });
    const json = await runCli(["--json", "proposals", "list", "job_1"], { env, fetch: f.fetch });
    expect(JSON.parse(json.stdout)).toEqual(body);
    const human = await runCli(["proposals", "list", "job_1"], { env, fetch: f.fetch });
    expect(human.stdout).toBe("No proposals on job job_1 yet.\n");
  });

  const DETAIL = {
    proposal: {
      ...proposal("prop_1", "Ana P.", 88, 0.7),
      coverNote: "I have transcribed 500 hours of German audio.",
      aiInterview: { score: 88, summary: "Strong German.", transcriptAvailable: true },
      verification: { location: { status: "PASSED", method: "GPS", checkedAt: null }, identity: { verified: true } },
      openLabel: null,
      contract: null,
    },
  };
  const INTERVIEW = {
    interview: {
      proposalId: "prop_1",
      interviewId: "int_1",
      score: 88,
      summary: "Strong German.",
      messages: [
        { id: "m1", role: "interviewer", content: "Why this job?", sentAt: "t" },
        { id: "m2", role: "candidate", content: "I love audio.", sentAt: "t" },
      ],
    },
  };

  it("get: details and the interview summary; --interview adds the transcript", async () => {
    const f = stubApi({
      "GET /proposals/prop_1": { status: 200, body: DETAIL },
      "GET /proposals/prop_1/interview": { status: 200, body: INTERVIEW },
    });
    const plain = await runCli(["proposals", "get", "prop_1"], { env, fetch: f.fetch });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/Candidate: +Ana P\. \(freelancer usr_prop_1\)/);
    expect(plain.stdout).toMatch(/Interview score: +88/);
    expect(plain.stdout).toContain("Interview summary:\n  Strong German.");
    expect(plain.stdout).toContain("Transcript: opentrain proposals get prop_1 --interview");
    expect(f.requests).toHaveLength(1);

    const full = await runCli(["proposals", "get", "prop_1", "--interview"], { env, fetch: f.fetch });
    expect(full.stdout).toContain(
      "Interview transcript (2 messages):\nInterviewer: Why this job?\nCandidate: I love audio.",
    );
    expect(f.requests.map((q) => q.url.pathname)).toContain(`${API}/proposals/prop_1/interview`);

    const json = await runCli(["--json", "proposals", "get", "prop_1", "--interview"], { env, fetch: f.fetch });
    expect(JSON.parse(json.stdout)).toEqual({ ...DETAIL, interview: INTERVIEW.interview });
  });

  it("get --interview: a missing transcript is noted, not fatal", async () => {
    const f = stubApi({
      "GET /proposals/prop_1": { status: 200, body: DETAIL },
      "GET /proposals/prop_1/interview": {
        status: 404,
        body: { error: "No interview.", code: "NOT_FOUND", requestId: "r" },
      },
    });
    const r = await runCli(["proposals", "get", "prop_1", "--interview"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Interview transcript not available (404 NOT_FOUND: No interview.)");
  });
});

describe("freelancers get and jobs invite", () => {
  it("prints the masked profile", async () => {
    const f = stubApi({
      "GET /freelancers/ana-p": {
        status: 200,
        body: {
          freelancer: {
            id: "usr_1",
            profileSlug: "ana-p",
            profilePath: "/profile/ana-p",
            displayName: "Ana P.",
            title: "Audio transcriber",
            city: "Berlin",
            country: "Germany",
            hourlyRateUsd: 20,
            identityVerified: true,
            skills: { subjectMatter: [], tags: [], software: ["ELAN"], dataTypes: ["Audio"], labelTypes: [] },
            languages: [{ language: "German", proficiency: "NATIVE" }],
            stats: { totalEarnedUsd: 1200, billedHours: 80, jobSuccessScore: 95, reviewCount: 2, averageRating: 4.5 },
            labelExperience: [],
            workExperience: [
              { id: "w", title: "Transcriber", company: "Acme", fromYear: 2020, toYear: null, ongoing: true },
            ],
            education: [],
            reviews: [{ id: "r", rating: 5, comment: "Great.", createdAt: "t" }],
          },
        },
      },
    });
    const r = await runCli(["freelancers", "get", "ana-p"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Name: +Ana P\./);
    expect(r.stdout).toMatch(/Hourly rate: +\$20\/h/);
    expect(r.stdout).toMatch(/Languages: +German \(NATIVE\)/);
    expect(r.stdout).toContain("  - Transcriber at Acme 2020–now");
    expect(r.stdout).toContain("  - 5/5 Great.");
  });

  it("invites, and says when the trainer was already invited", async () => {
    let already = false;
    const f = stubApi({
      "POST /jobs/job_1/invites": () => ({
        status: already ? 200 : 201,
        body: { ok: true, proposalId: "prop_9", jobId: "job_1", freelancerId: "usr_1", alreadyInvited: already },
      }),
    });
    const r = await runCli(["jobs", "invite", "job_1", "usr_1"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(JSON.parse(f.requests[0]!.body!)).toEqual({ freelancerId: "usr_1" });
    expect(r.stdout).toContain("Invited freelancer usr_1 to job job_1: proposal prop_9.");
    already = true;
    const again = await runCli(["jobs", "invite", "job_1", "usr_1"], { env, fetch: f.fetch });
    expect(again.stdout).toContain("was already invited to job job_1 (proposal prop_9); nothing changed.");
  });
});

describe("messages", () => {
  const LIST = {
    conversations: [
      {
        ...CONVERSATION,
        lastMessage: { id: "m2", content: "Sure!", senderUserId: "usr_1", isFromViewer: false, createdAt: "t" },
        unreadCount: 1,
        needsReplyCount: 1,
      },
    ],
    nextCursor: null,
  };

  it("list and unread: one row per conversation with the unread count", async () => {
    const f = stubApi({ "GET /messages": { status: 200, body: LIST } });
    const r = await runCli(["messages", "list", "--filter", "proposal"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(f.requests[0]!.url.searchParams.get("filter")).toBe("proposal");
    expect(f.requests[0]!.url.searchParams.has("unreadOnly")).toBe(false);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("ID\tWITH\tABOUT\tUNREAD\tUPDATED\tLAST MESSAGE");
    expect(lines[1]).toBe("conv_1\tAna P.\tproposal prop_1\t1\t2026-01-02T00:00:00.000Z\tSure!");
    const unread = await runCli(["messages", "unread"], { env, fetch: f.fetch });
    expect(unread.code).toBe(0);
    expect(f.requests[1]!.url.searchParams.get("unreadOnly")).toBe("true");
    const flag = await runCli(["messages", "list", "--unread-only"], { env, fetch: f.fetch });
    expect(flag.code).toBe(0);
    expect(f.requests[2]!.url.searchParams.get("unreadOnly")).toBe("true");
  });

  it("read: messages oldest first as [time] Name: text, and the paging command", async () => {
    const f = stubApi({
      "GET /messages": {
        status: 200,
        body: {
          conversation: CONVERSATION,
          messages: [
            message("m2", "Sure, Monday works.", false, "2026-01-02T10:00:00.000Z"),
            message("m1", "Hi Ana, can you start Monday?", true, "2026-01-02T09:00:00.000Z"),
          ],
          nextCursor: "c_old",
        },
      },
    });
    const r = await runCli(["messages", "read", "conv_1", "--limit", "2"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(f.requests[0]!.url.searchParams.get("conversationId")).toBe("conv_1");
    expect(r.stdout).toContain(
      "[2026-01-02T09:00:00.000Z] You: Hi Ana, can you start Monday?\n[2026-01-02T10:00:00.000Z] Ana P. (new): Sure, Monday works.",
    );
    expect(r.stdout).toContain("Older messages: opentrain messages read conv_1 --limit 2 --cursor c_old");
    expect(r.stdout).toContain("Reply: opentrain messages send conv_1 '<text>'");
    const missing = await runCli(["messages", "read"], { env, fetch: f.fetch });
    expect(missing.code).toBe(2);
    expect(f.requests).toHaveLength(1);
  });

  it("send: the text as an argument or --content; --json prints the answer", async () => {
    const sent = { ok: true, message: message("m3", "Hello", true, "2026-01-02T11:00:00.000Z") };
    const f = stubApi({ "POST /messages": { status: 201, body: sent } });
    const r = await runCli(["messages", "send", "conv_1", "Hello"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(JSON.parse(f.requests[0]!.body!)).toEqual({ conversationId: "conv_1", content: "Hello" });
    expect(r.stdout).toContain("Sent message m3 to conversation conv_1 at 2026-01-02T11:00:00.000Z.");
    const json = await runCli(["--json", "messages", "send", "conv_1", "--content", "Hello"], { env, fetch: f.fetch });
    expect(JSON.parse(json.stdout)).toEqual(sent);
    const stdin = await runCli(["messages", "send", "conv_1", "--content-file", "-"], {
      env,
      fetch: f.fetch,
      stdin: "From stdin",
    });
    expect(stdin.code).toBe(0);
    expect(JSON.parse(f.requests[2]!.body!).content).toBe("From stdin");
  });

  it("start-proposal-thread: prints the conversation id (new or existing)", async () => {
    let created = true;
    const f = stubApi({
      "POST /proposals/prop_1/conversation": () => ({
        status: created ? 201 : 200,
        body: { ok: true, conversationId: "conv_1", proposalId: "prop_1", jobId: "job_1", created },
      }),
    });
    const r = await runCli(["messages", "start-proposal-thread", "prop_1"], { env, fetch: f.fetch });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Started conversation conv_1 for proposal prop_1.");
    expect(r.stdout).toContain("Conversation ID: conv_1");
    created = false;
    const again = await runCli(["messages", "start-proposal-thread", "prop_1"], { env, fetch: f.fetch });
    expect(again.stdout).toContain("Conversation conv_1 for proposal prop_1 already existed.");
  });
});
