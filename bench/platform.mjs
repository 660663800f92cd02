// Shared by the PostgreSQL benches (lists.mjs, writes.mjs): a platform process on a database,
// JSON calls that fail loudly on any non-2xx, and a claimed account holding a token with every
// scope, all through the public HTTP surface and the sandbox helpers.
import { join } from "node:path";
import { SCOPES } from "../packages/contract/dist/index.js";
import { ROOT, startProcess } from "./lib.mjs";

const SERVER = join(ROOT, "packages/server/dist/bin.js");
export const SANDBOX_SECRET = "sbx_bench";
/** Every token scope, from the contract. */
export const ALL_SCOPES = SCOPES;

/** The server on `databaseUrl`, rate limits lifted, no seeded jobs (trainers are seeded). */
export async function startPlatform(databaseUrl, env = {}) {
  const p = await startProcess([SERVER], {
    env: {
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "warn",
      OPENTRAIN_SANDBOX_SECRET: SANDBOX_SECRET,
      OPENTRAIN_SANDBOX_SEED_JOBS: "0",
      OPENTRAIN_API_RATE_LIMIT_PER_MINUTE: "10000000",
      OPENTRAIN_PUBLIC_RATE_LIMIT_PER_MINUTE: "10000000",
      OPENTRAIN_AGENT_AUTH_RATE_LIMIT_PER_MINUTE: "10000000",
      OPENTRAIN_CLAIM_POLL_INTERVAL_SECONDS: "0",
      ...env,
    },
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return { ...p, url: p.match[1] };
}

export async function call(url, method, path, { token, json } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json ? { "content-type": "application/json" } : {}),
    },
    body: json ? JSON.stringify(json) : undefined,
  });
  const body = await res.json().catch(() => null);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export const api = (url, method, path, token, json) => call(url, method, `/api/public/v1${path}`, { token, json });
export const sandbox = (url, method, path, json) =>
  call(url, method, `/api/sandbox/v1${path}`, { token: SANDBOX_SECRET, json });

/** A claimed account with a human-minted token holding every scope (payments:write too). */
export async function account(url) {
  const reg = await call(url, "POST", "/api/agent/identity", { json: {} });
  const claim = await call(url, "POST", "/api/agent/identity/claim", {
    json: {
      claim_token: reg.claim_token,
      email: `bench.${Date.now()}.${Math.random().toString(36).slice(2)}@example.org`,
    },
  });
  await sandbox(url, "POST", "/claims/complete", { userCode: claim.user_code });
  const me = await call(url, "GET", "/api/public/v1/auth/me", { token: reg.access_token });
  const minted = await sandbox(url, "POST", `/accounts/${me.account.id}/tokens`, { name: "bench", scopes: ALL_SCOPES });
  return { accountId: me.account.id, userId: me.user?.id, token: minted.token };
}

/** A published job of the account's (invite-only by default: no simulated organic applicants). */
export async function publishedJob(url, token, overrides = {}) {
  const draft = await api(url, "POST", "/job-drafts", token, {
    format: "opentrain_canonical",
    job: {
      title: "Bench Bounding Boxes",
      description: "Draw tight bounding boxes around every product on retail shelf photos.",
      paymentType: "PAY_PER_HOUR",
      rateAmount: 15,
      experienceLevel: "ENTRY_LEVEL",
      dataVolumeUnit: "NUMBER_OF_FILES",
      visibility: "INVITE_ONLY",
      languages: ["English"],
      countries: [],
      ...overrides,
    },
  });
  await api(url, "POST", `/jobs/${draft.jobId}/publish`, token, {});
  return draft.jobId;
}

/** ACTIVE sandbox trainers' ids (first page of the sandbox list). */
export async function activeTrainers(url) {
  const list = await sandbox(url, "GET", "/trainers?limit=100");
  return list.trainers.filter((x) => x.status === "ACTIVE").map((x) => x.id);
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * `n` pre-hire conversations in the account's inbox, each with the employer's first message and
 * a trainer's answer (so summaries carry previews and unread counts, as a working inbox does).
 */
export async function inboxOf(url, token, n) {
  const jobId = await publishedJob(url, token, { title: "Bench Inbox Job" });
  const trainers = (await activeTrainers(url)).slice(0, n);
  if (trainers.length < n) throw new Error(`inbox: only ${trainers.length} active trainers for ${n} conversations`);
  for (const trainerId of trainers) {
    const applied = await sandbox(url, "POST", `/trainers/${trainerId}/proposals`, { jobId });
    const started = await api(url, "POST", `/proposals/${applied.proposalId}/conversation`, token, {});
    const conversationId = started.conversationId;
    await api(url, "POST", "/messages", token, { conversationId, content: "Hi! The labeling guidelines follow." });
    await sandbox(url, "POST", `/trainers/${trainerId}/messages`, {
      conversationId,
      content: "Thanks, I have read them and can start tomorrow.",
    });
  }
}
