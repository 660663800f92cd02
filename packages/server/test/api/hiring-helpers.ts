import { SCOPES } from "@opentrain-ai/contract";
import { claimedAgent, mintToken, sandbox, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { expect } from "vitest";
import { api } from "./credits-helpers.js";
import { broadJob, publishJob, sandboxTrainers, trainerApplies } from "./proposals-helpers.js";

/** An employer: a claimed agent plus a human-minted token with every scope (payments:write too). */
export interface Employer {
  agent: ClaimedAgent;
  accountId: string;
  token: string;
}

export async function employer(t: TestServer): Promise<Employer> {
  const agent = await claimedAgent(t);
  const token = await mintToken(t, agent.accountId, [...SCOPES], "hiring");
  return { agent, accountId: agent.accountId, token };
}

let trainerPool: Promise<any[]> | null = null;
let trainerCursor = 0;
/** ACTIVE sandbox trainers, handed out in turn so each job gets fresh applicants. */
async function nextTrainers(t: TestServer, n: number): Promise<any[]> {
  trainerPool ??= sandboxTrainers(t).then((all) => all.filter((x) => x.status === "ACTIVE"));
  const pool = await trainerPool;
  const out: any[] = [];
  for (let i = 0; i < n; i++) out.push(pool[trainerCursor++ % pool.length]);
  return out;
}

/** Resets the trainer pool between test servers (each file starts its own). */
export function resetTrainerPool(): void {
  trainerPool = null;
  trainerCursor = 0;
}

/**
 * An invite-only job of the employer's (no organic applicants) with `n` helper applications;
 * returns the job id and the proposal ids. `job` overrides the canonical job (e.g. paymentType).
 */
export async function jobWithProposals(
  t: TestServer,
  e: Employer,
  n: number,
  job: Record<string, unknown> = {},
): Promise<{ jobId: string; proposalIds: string[]; trainerIds: string[] }> {
  const jobId = await publishJob(t, e.token, broadJob({ visibility: "INVITE_ONLY", ...job }));
  const proposalIds: string[] = [];
  const trainerIds: string[] = [];
  for (const trainer of await nextTrainers(t, n)) {
    const res = await trainerApplies(t, trainer.id, jobId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    proposalIds.push(res.body.proposalId);
    trainerIds.push(trainer.id);
  }
  return { jobId, proposalIds, trainerIds };
}

export const hire = (t: TestServer, token: string, proposalId: string, body: Record<string, unknown>) =>
  api(t, "POST", `/proposals/${proposalId}/hire`, token, body);

export const confirm = (t: TestServer, approvalId: string, body: Record<string, unknown> = {}) =>
  sandbox(t, "POST", `/approvals/${approvalId}/confirm`, body);

export const decline = (t: TestServer, approvalId: string) => sandbox(t, "POST", `/approvals/${approvalId}/decline`);

export const getApproval = (t: TestServer, token: string, approvalId: string) =>
  api(t, "GET", `/approvals/${approvalId}`, token);

export const advance = async (t: TestServer, duration: string) => {
  const res = await sandbox(t, "POST", "/clock/advance", { duration });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.now as string;
};

/** Requests a hire and confirms it from credits; returns the contract id and the approval. */
export async function hired(
  t: TestServer,
  e: Employer,
  proposalId: string,
  milestone: Record<string, unknown> = { name: "First batch", amount: 300 },
  paymentSource: "credits" | "card" = "credits",
): Promise<{ contractId: string; approvalId: string }> {
  const req = await hire(t, e.token, proposalId, { milestone });
  expect(req.status, JSON.stringify(req.body)).toBe(202);
  const done = await confirm(t, req.body.approval.id, { paymentSource });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { contractId: done.body.approval.result.contractId, approvalId: req.body.approval.id };
}

/** A contract's detail through the API. */
export async function contractOf(t: TestServer, token: string, contractId: string): Promise<any> {
  const res = await api(t, "GET", `/contracts/${contractId}`, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.contract;
}

/** Adds a milestone and asks for its funding; returns the milestone id and the pending approval id. */
export async function milestoneAwaitingFunding(
  t: TestServer,
  e: Employer,
  contractId: string,
  body: Record<string, unknown>,
): Promise<{ milestoneId: string; approvalId: string }> {
  const created = await api(t, "POST", `/contracts/${contractId}/milestones`, e.token, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const fund = await api(t, "POST", `/milestones/${created.body.milestone.id}/fund`, e.token, {});
  expect(fund.status, JSON.stringify(fund.body)).toBe(202);
  return { milestoneId: created.body.milestone.id, approvalId: fund.body.approval.id };
}

/** Cents of the whole hire charge: milestone + 10 % (half-up) + $9.95. */
export const hireChargeCents = (milestoneCents: number) =>
  milestoneCents + Math.floor((milestoneCents * 10 + 50) / 100) + 995;
