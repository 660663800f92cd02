import { operations } from "@opentrain-ai/contract";
import {
  claimedAgent,
  registerAgent,
  sandbox,
  setFeatures,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOf } from "./jobs-helpers.js";
import {
  auditProposalCounts,
  broadJob,
  draftJob,
  eventsOf,
  publishJob,
  sandboxTrainers,
  trainerApplies,
} from "./proposals-helpers.js";

let t: TestServer;
let owner: ClaimedAgent;
let api: ReturnType<typeof apiOf>;
let active: any[];
let unavailable: any;
let jobId: string;

const invite = (job: string, freelancerId: unknown, token = owner.token) =>
  api("POST", `/jobs/${job}/invites`, token, { freelancerId });

beforeAll(async () => {
  t = await startTestServer();
  api = apiOf(t);
  owner = await claimedAgent(t);
  const all = await sandboxTrainers(t);
  active = all.filter((x) => x.status === "ACTIVE");
  unavailable = all.find((x) => x.status === "UNAVAILABLE");
  // Invite-only: no organic applicants, so every proposal here comes from an invitation.
  jobId = await publishJob(t, owner.token, broadJob({ title: "Invited annotators", visibility: "INVITE_ONLY" }));
}, 120_000);
afterAll(() => t?.close());

describe("POST /jobs/{jobId}/invites", () => {
  it("creates an invited proposal (201), and answers the repeat with the same one (200, alreadyInvited)", async () => {
    const trainer = active[0];
    const before = (await eventsOf(t, owner.accountId)).length;
    const first = await invite(jobId, trainer.id);
    expect(first.status).toBe(201);
    expect(operations.jobsInvite.output.safeParse(first.body).success).toBe(true);
    expect(first.body).toEqual({
      ok: true,
      proposalId: expect.stringMatching(/^prp_/),
      jobId,
      freelancerId: trainer.id,
      alreadyInvited: false,
    });
    const again = await invite(jobId, trainer.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, alreadyInvited: true });
    // The caller made the change: the trainer's answer is what writes an event.
    expect((await eventsOf(t, owner.accountId)).length).toBe(before);

    const detail = await api("GET", `/proposals/${first.body.proposalId}`, owner.token);
    expect(detail.status).toBe(200);
    expect(detail.body.proposal).toMatchObject({
      status: { raw: "UNREVIEWED", label: "Unreviewed" },
      source: "INVITED",
      invitation: { status: "PENDING", invitedAt: detail.body.proposal.createdAt, respondedAt: null },
      bid: { amountUsd: null, unit: null },
      metrics: { interviewScore: null, matchScore: null },
      coverNote: null,
      aiInterview: null,
      openLabel: null,
      verification: { identity: { verified: trainer.identityVerified } },
      candidate: { id: trainer.id, displayName: trainer.displayName },
    });
    const list = await api("GET", `/jobs/${jobId}/proposals`, owner.token);
    expect(list.body.proposals.map((p: any) => p.id)).toContain(first.body.proposalId);
  });

  it("refuses a job that is not published (409 job_not_published)", async () => {
    const draft = await draftJob(t, owner.token, broadJob());
    const onDraft = await invite(draft, active[1].id);
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.details).toEqual({ reason: "job_not_published", jobId: draft, status: "DRAFT" });
    const closed = await publishJob(t, owner.token, broadJob({ title: "Closing", visibility: "INVITE_ONLY" }));
    await api("POST", `/jobs/${closed}/close`, owner.token, {});
    const onClosed = await invite(closed, active[1].id);
    expect(onClosed.status).toBe(409);
    expect(onClosed.body.details).toMatchObject({ reason: "job_not_published", status: "ARCHIVED" });
  });

  it("refuses a user who is not a trainer (409 not_a_freelancer) and an unknown id (404)", async () => {
    const notTrainer = await invite(jobId, owner.userId);
    expect(notTrainer.status).toBe(409);
    expect(notTrainer.body.details).toEqual({ reason: "not_a_freelancer", freelancerId: owner.userId });
    const unknown = await invite(jobId, "ftr_noSuchTrainer0000000");
    expect(unknown.status).toBe(404);
    expect(unknown.body.details).toEqual({ resource: "freelancers", freelancerId: "ftr_noSuchTrainer0000000" });
  });

  it("refuses an unavailable trainer (409 freelancer_unavailable)", async () => {
    const res = await invite(jobId, unavailable.id);
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({ reason: "freelancer_unavailable", freelancerId: unavailable.id });
  });

  it("answers 200 alreadyInvited with the proposal of a trainer who already applied", async () => {
    const applied = await trainerApplies(t, active[2].id, jobId);
    expect(applied.status).toBe(201);
    const res = await invite(jobId, active[2].id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ proposalId: applied.body.proposalId, alreadyInvited: true });
  });

  it("answers 400 without a freelancerId, and 404 for an unknown or foreign job", async () => {
    const missing = await api("POST", `/jobs/${jobId}/invites`, owner.token, {});
    expect(missing.status).toBe(400);
    expect(missing.body.details.field).toBe("freelancerId");
    expect((await invite("job_nope", active[3].id)).status).toBe(404);
    const other = await claimedAgent(t);
    const foreign = await invite(jobId, active[3].id, other.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toMatchObject({ resource: "jobs", jobId });
  });

  it("needs a claimed account and the hiring feature", async () => {
    const unclaimed = await registerAgent(t);
    const pre = await invite(jobId, active[3].id, unclaimed.token);
    expect(pre.status).toBe(403);
    expect(pre.body.details.reason).toBe("account_claim_required");
    const agent = await claimedAgent(t);
    const own = await publishJob(t, agent.token, broadJob({ visibility: "INVITE_ONLY" }));
    await setFeatures(t, agent.accountId, { public_api_hiring: false });
    const off = await invite(own, active[3].id, agent.token);
    expect(off.status).toBe(403);
    expect(off.body.details).toMatchObject({ reason: "feature_disabled", featureKey: "public_api_hiring" });
  });
});

describe("invited trainers answer (sandbox simulator)", () => {
  let job: string;
  const invited = new Map<string, string>();

  beforeAll(async () => {
    job = await publishJob(t, owner.token, broadJob({ title: "Invitation answers", visibility: "INVITE_ONLY" }));
    for (const trainer of active.slice(10, 26)) {
      const res = await invite(job, trainer.id);
      expect(res.status).toBe(201);
      invited.set(res.body.proposalId, trainer.id);
    }
  });

  it("accepts (proposal.received, a full application) or declines (DECLINED, proposal.status_changed) within 36 h", async () => {
    const before = await eventsOf(t, owner.accountId);
    const moved = await sandbox(t, "POST", "/clock/advance", { duration: "37h" });
    expect(moved.status).toBe(200);
    const added = (await eventsOf(t, owner.accountId)).slice(before.length).filter((e) => invited.has(e.resourceId));
    let accepted = 0;
    let declined = 0;
    for (const proposalId of invited.keys()) {
      const p = (await api("GET", `/proposals/${proposalId}`, owner.token)).body.proposal;
      expect(p.invitation.status).not.toBe("PENDING");
      expect(p.invitation.respondedAt > p.invitation.invitedAt).toBe(true);
      const mine = added.filter((e) => e.resourceId === proposalId);
      if (p.invitation.status === "ACCEPTED") {
        accepted++;
        expect(p.status.raw).toBe("UNREVIEWED");
        expect(p.bid.amountUsd).toBeGreaterThan(0);
        expect(p.aiInterview.transcriptAvailable).toBe(true);
        expect(p.coverNote).toContain("Invitation answers");
        expect(p.updatedAt).toBe(p.invitation.respondedAt);
        const interview = await api("GET", `/proposals/${proposalId}/interview`, owner.token);
        expect(interview.status).toBe(200);
        for (const m of interview.body.interview.messages) {
          expect(m.sentAt > p.invitation.invitedAt && m.sentAt < p.invitation.respondedAt).toBe(true);
        }
        expect(mine.map((e) => [e.type, e.data])).toEqual([["proposal.received", { proposalId, jobId: job }]]);
      } else {
        declined++;
        expect(p.status).toEqual({ raw: "DECLINED", label: "Declined" });
        expect(p.bid.amountUsd).toBeNull();
        expect(mine.map((e) => [e.type, e.data])).toEqual([
          ["proposal.status_changed", { proposalId, status: "DECLINED" }],
        ]);
      }
    }
    // Deterministic for the seed and job; both answers occur among sixteen invitations.
    expect(accepted).toBeGreaterThan(0);
    expect(declined).toBeGreaterThan(0);
    const declinedList = await api("GET", `/jobs/${job}/proposals?status=declined`, owner.token);
    expect(declinedList.body.proposals).toHaveLength(declined);
  });

  it("lets the trainer helper accept a pending invitation (200, invitationAccepted)", async () => {
    const other = await publishJob(t, owner.token, broadJob({ title: "Helper accepts", visibility: "INVITE_ONLY" }));
    const inv = await invite(other, active[30].id);
    const res = await trainerApplies(t, active[30].id, other);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      proposalId: inv.body.proposalId,
      jobId: other,
      trainerId: active[30].id,
      invitationAccepted: true,
    });
    const p = (await api("GET", `/proposals/${inv.body.proposalId}`, owner.token)).body.proposal;
    expect(p.invitation.status).toBe("ACCEPTED");
    expect(p.aiInterview).not.toBeNull();
    // The simulator's own answer, due later, finds nothing pending and changes nothing.
    await sandbox(t, "POST", "/clock/advance", { duration: "37h" });
    const after = (await api("GET", `/proposals/${inv.body.proposalId}`, owner.token)).body.proposal;
    expect(after).toEqual(p);
  });
});

it("keeps every job's proposal counts equal to a recount after all of the above", async () => {
  await auditProposalCounts(t);
});
