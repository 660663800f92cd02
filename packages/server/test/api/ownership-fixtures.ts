import { SCOPES } from "@opentrain-ai/contract";
import { http, mintToken, sandbox, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";

/**
 * Ownership fixtures shared by the gate suite (tenant isolation) and the fuzz suite (real ids, so
 * hostile bodies reach the services). Every implemented operation whose path names a tenant
 * resource needs one here; the gate suite fails otherwise.
 *
 * For operations whose path names a tenant resource: creates one in account A and returns the
 * path parameters (and a body that passes validation). Operations of later milestones have no
 * fixture yet and must answer 404 not_implemented until they get one. Resources that belong to
 * no tenant (trainer profiles) return `missing: true` and an id that does not exist instead:
 * anyone may read them, so the check is that an unknown id answers 404.
 */
export type Fixture = (
  t: TestServer,
  owner: ClaimedAgent,
) => Promise<{ params: Record<string, string>; body?: unknown; missing?: true }>;
/** A publish-ready draft of the owner's (canonical import with every required field). */
export async function readyDraft(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const res = await http(t.baseUrl, "POST", "/api/public/v1/job-drafts", {
    token: owner.token,
    json: {
      format: "opentrain_canonical",
      job: {
        title: "Gate fixture job",
        description: "Label product photos with bounding boxes for the gate suite.",
        paymentType: "PAY_PER_HOUR",
        rateAmount: 15,
        experienceLevel: "ENTRY_LEVEL",
        dataVolumeUnit: "NUMBER_OF_FILES",
      },
    },
  });
  if (res.status !== 201) throw new Error(`draft fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.jobId;
}

export async function openJob(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const jobId = await readyDraft(t, owner);
  const res = await http(t.baseUrl, "POST", `/api/public/v1/jobs/${jobId}/publish`, { token: owner.token, json: {} });
  if (res.status !== 200) throw new Error(`publish fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return jobId;
}

/** An ACTIVE sandbox trainer's id. */
export async function activeTrainer(t: TestServer): Promise<string> {
  const res = await sandbox(t, "GET", "/trainers?limit=20");
  return res.body.trainers.find((x: { status: string }) => x.status === "ACTIVE").id;
}

/** A proposal (with its AI interview) on an open job of the owner's: a sandbox trainer applied. */
async function proposalOf(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const jobId = await openJob(t, owner);
  const res = await sandbox(t, "POST", `/trainers/${await activeTrainer(t)}/proposals`, { jobId });
  if (res.status !== 201) throw new Error(`proposal fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.proposalId;
}

/** The owner's all-scope token with a saved card (a hire or funding request needs a way to pay). */
const payingOwners = new Map<string, Promise<string>>();
function payingOwner(t: TestServer, owner: ClaimedAgent): Promise<string> {
  if (!payingOwners.has(owner.accountId)) {
    payingOwners.set(
      owner.accountId,
      (async () => {
        const card = await sandbox(t, "POST", `/accounts/${owner.accountId}/payment-methods`, {
          card: "4242424242424242",
        });
        if (card.status >= 300) throw new Error(`card fixture: ${card.status} ${JSON.stringify(card.body)}`);
        return mintToken(t, owner.accountId, [...SCOPES], "hiring fixture");
      })(),
    );
  }
  return payingOwners.get(owner.accountId)!;
}

/** A pending hire approval on a new proposal of the owner's. */
async function hireApprovalOf(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const token = await payingOwner(t, owner);
  const proposalId = await proposalOf(t, owner);
  const res = await http(t.baseUrl, "POST", `/api/public/v1/proposals/${proposalId}/hire`, {
    token,
    json: { milestone: { name: "Gate fixture", amount: 25 } },
  });
  if (res.status !== 202) throw new Error(`hire fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.approval.id;
}

/** An active hourly contract of the owner's (hired, first milestone funded by card) and its first milestone. */
async function contractOfOwner(
  t: TestServer,
  owner: ClaimedAgent,
): Promise<{ contractId: string; milestoneId: string }> {
  const token = await payingOwner(t, owner);
  const done = await sandbox(t, "POST", `/approvals/${await hireApprovalOf(t, owner)}/confirm`, {
    paymentSource: "card",
  });
  if (done.status !== 200) throw new Error(`confirm fixture: ${done.status} ${JSON.stringify(done.body)}`);
  const contractId = done.body.approval.result.contractId;
  const detail = await http(t.baseUrl, "GET", `/api/public/v1/contracts/${contractId}`, { token });
  return { contractId, milestoneId: detail.body.contract.milestones[0].id };
}

/** A webhook subscription of the owner's (webhooks:manage comes only from a human-minted token). */
async function webhookOf(t: TestServer, owner: ClaimedAgent): Promise<string> {
  const token = await mintToken(t, owner.accountId, [...SCOPES], "webhook fixture");
  const res = await http(t.baseUrl, "POST", "/api/public/v1/webhooks", {
    token,
    json: { url: "https://hooks.example.com/gate", eventTypes: ["proposal.received"] },
  });
  if (res.status !== 201) throw new Error(`webhook fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.webhook.id;
}

export const ownedResourceFixtures: Record<string, Fixture> = {
  "tokens.revoke": async (t, owner) => {
    const list = await http(t.baseUrl, "GET", "/api/public/v1/tokens", { token: owner.token });
    return { params: { tokenId: list.body.tokens[0].id } };
  },
  "jobDrafts.update": async (t, owner) => ({
    params: { jobId: await readyDraft(t, owner) },
    body: { headcount: 3 },
  }),
  "jobs.publish": async (t, owner) => ({ params: { jobId: await readyDraft(t, owner) } }),
  "jobs.update": async (t, owner) => ({ params: { jobId: await openJob(t, owner) }, body: { headcount: 4 } }),
  "jobs.close": async (t, owner) => ({ params: { jobId: await openJob(t, owner) } }),
  "freelancers.get": async () => ({ params: { idOrSlug: "ftr_noSuchTrainer0000000" }, missing: true }),
  "jobs.listProposals": async (t, owner) => ({ params: { jobId: await openJob(t, owner) } }),
  "jobs.invite": async (t, owner) => ({
    params: { jobId: await openJob(t, owner) },
    body: { freelancerId: await activeTrainer(t) },
  }),
  "proposals.get": async (t, owner) => ({ params: { proposalId: await proposalOf(t, owner) } }),
  "proposals.interview": async (t, owner) => ({ params: { proposalId: await proposalOf(t, owner) } }),
  // messages
  "proposals.startConversation": async (t, owner) => ({ params: { proposalId: await proposalOf(t, owner) } }),
  // credits
  "credits.getTopUp": async (t, owner) => {
    const token = await mintToken(t, owner.accountId, ["payments:write"], "top-up fixture");
    const res = await http(t.baseUrl, "POST", "/api/public/v1/credits/top-ups", { token, json: { amountUsd: 10 } });
    if (res.status !== 201) throw new Error(`top-up fixture: ${res.status} ${JSON.stringify(res.body)}`);
    return { params: { topUpId: res.body.topUpId } };
  },
  // hiring
  "proposals.hire": async (t, owner) => {
    await payingOwner(t, owner);
    return { params: { proposalId: await proposalOf(t, owner) }, body: { milestone: { name: "Gate", amount: 25 } } };
  },
  "approvals.get": async (t, owner) => ({ params: { approvalId: await hireApprovalOf(t, owner) } }),
  "contracts.get": async (t, owner) => ({ params: { contractId: (await contractOfOwner(t, owner)).contractId } }),
  "contracts.end": async (t, owner) => ({ params: { contractId: (await contractOfOwner(t, owner)).contractId } }),
  "milestones.create": async (t, owner) => ({
    params: { contractId: (await contractOfOwner(t, owner)).contractId },
    body: { description: "Gate fixture milestone", volume: 1 },
  }),
  "milestones.fund": async (t, owner) => {
    const { contractId } = await contractOfOwner(t, owner);
    const token = await payingOwner(t, owner);
    const res = await http(t.baseUrl, "POST", `/api/public/v1/contracts/${contractId}/milestones`, {
      token,
      json: { description: "Gate fixture milestone", volume: 1 },
    });
    if (res.status !== 201) throw new Error(`milestone fixture: ${res.status} ${JSON.stringify(res.body)}`);
    return { params: { milestoneId: res.body.milestone.id } };
  },
  "milestones.approve": async (t, owner) => ({
    params: { milestoneId: (await contractOfOwner(t, owner)).milestoneId },
  }),
  // events
  "webhooks.get": async (t, owner) => ({ params: { webhookId: await webhookOf(t, owner) } }),
  "webhooks.delete": async (t, owner) => ({ params: { webhookId: await webhookOf(t, owner) } }),
};
