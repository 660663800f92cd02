import { describe, expect, it } from "vitest";
import { ToolContext, allTools, summarize } from "../src/index.js";
import { formatBid, rankProposals } from "../src/summaries/candidates.js";

const tools = new Map(allTools().map((t) => [t.name, t]));
const info = (name: string, status = 200, params: Record<string, unknown> = {}) => ({
  tool: tools.get(name)!,
  params,
  ctx: new ToolContext({ env: {} }),
  status,
});

const proposal = (
  id: string,
  name: string,
  interviewScore: number | null,
  matchScore: number | null,
  extra: Record<string, unknown> = {},
) => ({
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
    id: `u_${id}`,
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

describe("opentrain_list_proposals summary", () => {
  it("ranks by interview score then match score, one line per proposal with the ids", () => {
    const body = {
      proposals: [
        proposal("p_low", "Ben K.", 60, 0.9),
        proposal("p_none", "Cy D.", null, 0.99, { bid: { amountUsd: null, unit: null, labelerHourlyRateUsd: null } }),
        proposal("p_top", "Ana P.", 88, 0.5, { status: { raw: "SHORTLISTED", label: "Shortlisted" } }),
        proposal("p_tie", "Dee E.", 60, 0.95, {
          bid: { amountUsd: 0.05, unit: "PER_LABEL", labelerHourlyRateUsd: null },
        }),
      ],
      nextCursor: "c_2",
    };
    const text = summarize(body, info("opentrain_list_proposals", 200, { jobId: "job_1" }));
    expect(text.split("\n").slice(0, 6)).toEqual([
      "4 proposals on job job_1, ranked by interview score then match score:",
      "1. Ana P. — SHORTLISTED — bid $18/h — interview 88/100 — match 0.50 — proposal p_top",
      "2. Dee E. — UNREVIEWED — bid $0.05/label — interview 60/100 — match 0.95 — proposal p_tie",
      "3. Ben K. — UNREVIEWED — bid $18/h — interview 60/100 — match 0.90 — proposal p_low",
      "4. Cy D. — UNREVIEWED — bid no bid yet — interview n/a — match 0.99 — proposal p_none",
      'More results: call again with cursor "c_2" (same filters).',
    ]);
    expect(text).toContain('opentrain_get_proposal (proposalId "p_top") and includeInterview: true');
    expect(text).toContain("opentrain_start_proposal_conversation");
    expect(text).toContain("opentrain_hire_proposal");
  });

  it("says so when there are none", () => {
    const text = summarize({ proposals: [], nextCursor: null }, info("opentrain_list_proposals", 200, { jobId: "j" }));
    expect(text).toContain("No proposals on job j yet.");
    expect(text).toContain("No more pages.");
  });

  it("bid and ranking helpers", () => {
    expect(formatBid({ amountUsd: 500, unit: "FIXED_PRICE" })).toBe("$500 fixed");
    expect(formatBid(null)).toBe("no bid yet");
    expect(rankProposals([{ id: "a" }, { id: "b", metrics: { matchScore: 0.1 } }]).map((p) => p.id)).toEqual([
      "b",
      "a",
    ]);
  });
});

describe("opentrain_get_proposal summary", () => {
  const detail = {
    proposal: {
      ...proposal("p_1", "Ana P.", 88, 0.7),
      coverNote: "I have transcribed 500 hours of German audio.",
      aiInterview: { score: 88, summary: "Strong German, careful with timestamps.", transcriptAvailable: true },
      verification: { location: { status: "PASSED", method: "GPS", checkedAt: null }, identity: { verified: true } },
      openLabel: { score: 91, passed: true, labelType: "Transcription", completedAt: null },
      contract: null,
    },
  };

  it("shows the scores, the interview summary and the next steps", () => {
    const text = summarize(detail, info("opentrain_get_proposal"));
    expect(text).toContain(
      'Proposal p_1 on "German Audio Transcription" (job job_1): Ana P. — UNREVIEWED — bid $18/h.',
    );
    expect(text).toContain("Scores: interview 88/100, match 0.70.");
    expect(text).toContain("Interview summary: Strong German, careful with timestamps.");
    expect(text).toContain("Verification: location PASSED, identity verified.");
    expect(text).toContain("Labeling assessment: 91/100 (passed), Transcription.");
    expect(text).toContain("call again with includeInterview: true");
    expect(text).toContain('opentrain_start_proposal_conversation (proposalId "p_1")');
  });

  it("prints the transcript when the interview was included", () => {
    const text = summarize(
      {
        ...detail,
        interview: {
          proposalId: "p_1",
          interviewId: "i_1",
          score: 88,
          summary: "x",
          messages: [
            { id: "m1", role: "interviewer", content: "Why this job?", sentAt: "t" },
            { id: "m2", role: "candidate", content: "I love audio.", sentAt: "t" },
          ],
        },
      },
      info("opentrain_get_proposal", 200, { proposalId: "p_1", includeInterview: true }),
    );
    expect(text).toContain("Interview transcript (2 messages):\ninterviewer: Why this job?\ncandidate: I love audio.");
    expect(text).not.toContain("call again with includeInterview");
  });
});

describe("freelancer, invite and message summaries", () => {
  it("freelancer profile", () => {
    const text = summarize(
      {
        freelancer: {
          id: "u_1",
          displayName: "Ana P.",
          title: "Audio transcriber",
          city: "Berlin",
          country: "Germany",
          hourlyRateUsd: 20,
          expertiseLevel: "EXPERT",
          availability: "PART_TIME",
          englishLevel: "FLUENT",
          identityVerified: true,
          skills: {
            subjectMatter: ["Linguistics"],
            tags: [],
            software: ["ELAN"],
            dataTypes: ["Audio"],
            labelTypes: [],
          },
          languages: [{ language: "German", proficiency: "NATIVE" }],
          stats: { totalEarnedUsd: 1200, billedHours: 80, jobSuccessScore: 95, reviewCount: 2, averageRating: 4.5 },
          labelExperience: [],
          workExperience: [{ title: "Transcriber", company: "Acme" }],
          education: [],
          reviews: [],
        },
      },
      info("opentrain_get_freelancer_profile"),
    );
    expect(text.split("\n")[0]).toBe("Ana P. (freelancer id u_1) — Audio transcriber — Berlin, Germany.");
    expect(text).toContain("rate $20/h; level EXPERT; availability PART_TIME; English FLUENT; identity verified.");
    expect(text).toContain("Stats: earned $1,200, 80 billed hours, job success 95, 2 reviews (avg 4.5/5).");
    expect(text).toContain("Languages: German (NATIVE).");
    expect(text).toContain('opentrain_invite_freelancer (freelancerId "u_1")');
  });

  it("invite: new and already invited", () => {
    const body = { ok: true, proposalId: "p_9", jobId: "job_1", freelancerId: "u_1", alreadyInvited: false };
    expect(summarize(body, info("opentrain_invite_freelancer", 201))).toContain(
      "Invited freelancer u_1 to job job_1: invited proposal p_9 created.",
    );
    expect(summarize({ ...body, alreadyInvited: true }, info("opentrain_invite_freelancer"))).toContain(
      "already invited to job job_1 (alreadyInvited: true)",
    );
  });

  it("read messages, list mode: one line per conversation with its unread count", () => {
    const text = summarize(
      {
        conversations: [
          {
            id: "c_1",
            type: "DIRECT_MESSAGE",
            bucket: "proposal",
            jobId: "job_1",
            proposalId: "p_1",
            channelName: null,
            updatedAt: "t",
            lastMessage: {
              id: "m",
              content: "Happy to help!",
              senderUserId: "u_1",
              isFromViewer: false,
              createdAt: "t",
            },
            unreadCount: 2,
            needsReplyCount: 1,
            readOnly: false,
            freelancer: { userId: "u_1", displayName: "Ana P.", country: null, profilePath: "/p" },
          },
        ],
        nextCursor: null,
      },
      info("opentrain_read_messages"),
    );
    expect(text).toContain("1 conversation (most recent first, 2 unread):");
    expect(text).toContain(
      '- Ana P. — 2 unread, 1 awaiting reply — proposal p_1 — conversation c_1 — last: them: "Happy to help!"',
    );
  });

  it("read messages, thread mode: oldest to newest as name: text", () => {
    const msg = (id: string, content: string, mine: boolean) => ({
      id,
      conversationId: "c_1",
      content,
      isFromViewer: mine,
      system: false,
      hasUnreadFlag: false,
      attachmentCount: 0,
    });
    const body = {
      conversation: { id: "c_1", bucket: "proposal", readOnly: false, freelancer: { displayName: "Ana P." } },
      messages: [msg("m2", "Sure, when?", false), msg("m1", "Hi Ana, can we talk?", true)],
      nextCursor: null,
    };
    const text = summarize(body, info("opentrain_read_messages", 200, { conversationId: "c_1" }));
    expect(text).toContain("You: Hi Ana, can we talk?\nAna P.: Sure, when?");
    expect(text).toContain('opentrain_send_message (conversationId "c_1")');
    const newer = summarize(
      { ...body, messages: [...body.messages].reverse() },
      info("opentrain_read_messages", 200, { conversationId: "c_1", direction: "newer" }),
    );
    expect(newer).toContain("You: Hi Ana, can we talk?\nAna P.: Sure, when?");
  });

  it("send message and start conversation", () => {
    expect(
      summarize(
        {
          ok: true,
          message: { id: "m_1", conversationId: "c_1", content: "Hello", createdAt: "2026-01-01T00:00:00Z" },
        },
        info("opentrain_send_message", 201),
      ),
    ).toContain('Sent message m_1 to conversation c_1 at 2026-01-01T00:00:00Z: "Hello"');
    const started = summarize(
      { ok: true, conversationId: "c_1", proposalId: "p_1", jobId: "job_1", created: true },
      info("opentrain_start_proposal_conversation", 201),
    );
    expect(started).toContain("Started the pre-hire conversation c_1 for proposal p_1 (created: true).");
    expect(started).toContain('opentrain_send_message (conversationId "c_1")');
    expect(
      summarize(
        { ok: true, conversationId: "c_1", proposalId: "p_1", jobId: "job_1", created: false },
        info("opentrain_start_proposal_conversation"),
      ),
    ).toContain("already existed (created: false)");
  });
});
