import { claimedAgent, startTestServer, type ClaimedAgent, type TestServer } from "@opentrain-ai/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrainerRow } from "../../src/db/schema.js";
import { generateSeedTrainers, SANDBOX_TRAINER_COUNT } from "../../src/sandbox/trainers/generate.js";
import { withTransaction } from "../../src/services/context.js";
import { replyAsTrainer } from "../../src/services/messages/reply-as-trainer.js";
import { setConversationReadOnly } from "../../src/services/messages/set-read-only.js";
import { findPrivateDataLeaks } from "./leak-scan.js";
import {
  activeTrainers,
  advance,
  auditUnreads,
  call,
  ctxOf,
  openThread,
  read,
  replyTaskOf,
  seenTexts,
  send,
  storedMessages,
  type Thread,
} from "./messages-helpers.js";
import { broadJob, eventsOf, publishJob } from "./proposals-helpers.js";

let t: TestServer;
let owner: ClaimedAgent;
let pool: TrainerRow[];
let jobId: string;

/** A trainer no other test of the suite uses. */
function trainerWith(): TrainerRow {
  const tr = pool.shift();
  if (!tr) throw new Error("no trainer left");
  return tr;
}
const freshThread = () => openThread(t, owner, trainerWith(), {}, jobId);

/** Moves the clock to just after the reply task of `messageId` is due; returns that task. */
async function untilReply(messageId: string) {
  const task = await replyTaskOf(t, messageId);
  expect(task, "a reply task is scheduled").not.toBeNull();
  const wait = Math.ceil((task!.dueAt.getTime() - t.server.clock.now().getTime()) / 1000) + 1;
  await advance(t, `${Math.max(1, wait)}s`);
  return task!;
}

/** The trainer messages of a conversation, oldest first. */
const replies = async (thread: Thread) =>
  (await storedMessages(t, thread.conversationId)).filter((m) => m.senderKind === "TRAINER");

/** USD as the replies write it. */
const usd = (n: number) => (Number.isInteger(n) ? `$${n}` : n >= 1 ? `$${n.toFixed(2)}` : `$${n}`);

beforeAll(async () => {
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } });
  owner = await claimedAgent(t);
  pool = await activeTrainers(t);
  jobId = await publishJob(t, owner.token, broadJob({ visibility: "INVITE_ONLY" }));
}, 120_000);
afterAll(() => t?.close());

describe("simulated trainer replies", () => {
  it("answers after the persona's delay (virtual time), through the trainer path with message.received", async () => {
    const thread = await freshThread();
    const sent = await send(t, owner.token, thread.conversationId, "What is your hourly rate for this job?");
    expect(sent.status).toBe(201);
    const task = await replyTaskOf(t, sent.body.message.id);
    expect(task).toMatchObject({ kind: "trainer_reply", doneAt: null });
    const delayMin = (task!.dueAt.getTime() - Date.parse(sent.body.message.createdAt)) / 60_000;
    const typical = thread.trainer.persona.replyDelayMinutes;
    expect(delayMin).toBeGreaterThanOrEqual(Math.max(1, typical * 0.6) - 0.01);
    expect(delayMin).toBeLessThanOrEqual(typical * 1.4 + 0.01);

    // Not before it is due.
    const early = Math.floor((task!.dueAt.getTime() - t.server.clock.now().getTime()) / 1000) - 5;
    if (early > 0) await advance(t, `${early}s`);
    expect(await replies(thread)).toHaveLength(0);

    const before = (await eventsOf(t, owner.accountId)).length;
    await untilReply(sent.body.message.id);
    const [reply] = await replies(thread);
    expect(reply).toBeDefined();
    expect(reply!.senderId).toBe(thread.trainer.id);
    expect(reply!.createdAt.toISOString()).toBe(task!.dueAt.toISOString());
    const events = (await eventsOf(t, owner.accountId)).slice(before);
    expect(events.filter((e) => e.type === "message.received").map((e) => e.data)).toEqual([
      { conversationId: thread.conversationId, messageId: reply!.id },
    ]);
    // It fits the question: the bid of the trainer's proposal.
    const proposal = await call(t, "GET", `/proposals/${thread.proposalId}`, owner.token);
    expect(proposal.status).toBe(200);
    const amount = proposal.body.proposal.bid.amountUsd;
    expect(reply!.content).toContain(usd(amount));
    expect(reply!.content).toMatch(/per hour/);
    // The employer sees it as unread.
    const list = await read(t, owner.token, { unreadOnly: true });
    const summary = list.body.conversations.find((c: any) => c.id === thread.conversationId);
    expect(summary).toMatchObject({ unreadCount: 1, needsReplyCount: 1 });
  });

  it.each([
    ["availability", "When can you start, and how many hours per week can you give?", /hours a week|two weeks/],
    ["experience", "Tell me about your experience with bounding boxes.", /annotat/],
    ["sample work", "Could you share a sample of your work?", /paid test batch/],
    ["tools", "Which tools do you use? We work in CVAT.", /CVAT/],
    ["time zone", "What time zone are you in?", /I'm based in|I work remotely/],
    ["anything else", "Hello there!", /Thank/],
  ])("answers a question about %s with a fitting reply", async (_what, question, expected) => {
    const thread = await freshThread();
    const sent = await send(t, owner.token, thread.conversationId, question);
    expect(sent.status).toBe(201);
    await untilReply(sent.body.message.id);
    const [reply] = await replies(thread);
    expect(reply?.content).toMatch(expected);
  });

  it("answers a burst of questions once, covering each of them", async () => {
    const thread = await freshThread();
    const a = await send(t, owner.token, thread.conversationId, "What's your rate?");
    const b = await send(t, owner.token, thread.conversationId, "And what time zone are you in?");
    expect([a.status, b.status]).toEqual([201, 201]);
    await untilReply(a.body.message.id);
    await untilReply(b.body.message.id);
    const all = await replies(thread);
    expect(all).toHaveLength(1);
    expect(all[0]!.content).toMatch(/per hour|per label|whole job|flexible on the rate/);
    expect(all[0]!.content).toMatch(/I'm based in|I work remotely/);
  });

  it("is idempotent: running the reply task again posts nothing more", async () => {
    const thread = await freshThread();
    const sent = await send(t, owner.token, thread.conversationId, "Do you have experience with retail images?");
    const task = (await replyTaskOf(t, sent.body.message.id))!;
    const ctx = ctxOf(t);
    await withTransaction(ctx, (tx) => replyAsTrainer(tx, task));
    await withTransaction(ctx, (tx) => replyAsTrainer(tx, task));
    expect(await replies(thread)).toHaveLength(1);
    // The scheduled run (when the clock gets there) finds it answered too.
    await untilReply(sent.body.message.id);
    expect(await replies(thread)).toHaveLength(1);
    expect((await replyTaskOf(t, sent.body.message.id))!.doneAt).not.toBeNull();
  });

  it("does not answer into a read-only thread", async () => {
    const thread = await freshThread();
    const sent = await send(t, owner.token, thread.conversationId, "When can you start?");
    await setConversationReadOnly(ctxOf(t), thread.conversationId);
    await untilReply(sent.body.message.id);
    expect(await replies(thread)).toHaveLength(0);
    const task = await replyTaskOf(t, sent.body.message.id);
    expect(task!.doneAt).not.toBeNull();
    expect(task!.lastError).toBeNull();
  });
});

describe("determinism", () => {
  it("gives the same reply at the same delay for the same seed, trainer, job and message", async () => {
    const trainer = trainerWith();
    const agents = [await claimedAgent(t), await claimedAgent(t)];
    const threads: Thread[] = [];
    for (const agent of agents) {
      const job = await publishJob(t, agent.token, broadJob({ visibility: "INVITE_ONLY" }));
      threads.push(await openThread(t, agent, trainer, {}, job));
    }
    const question = "Hi! What is your rate, and when could you start?";
    const sent = [];
    for (const [i, thread] of threads.entries()) {
      sent.push((await send(t, agents[i]!.token, thread.conversationId, question)).body.message);
    }
    for (const m of sent) await untilReply(m.id);
    const got = await Promise.all(threads.map(async (th) => (await replies(th))[0]!));
    expect(got[0]!.content).toBe(got[1]!.content);
    const delays = got.map((r, i) => r.createdAt.getTime() - Date.parse(sent[i]!.createdAt));
    expect(delays[0]).toBe(delays[1]);
    // A different question gets a different answer.
    const other = await send(t, agents[0]!.token, threads[0]!.conversationId, "Which tools do you use?");
    await untilReply(other.body.message.id);
    const second = (await replies(threads[0]!))[1]!;
    expect(second.content).not.toBe(got[0]!.content);
    expect(second.content).toMatch(/CVAT|work in|tool/);
  });

  it("keeps replies free of private data (leak scan over every messages answer)", async () => {
    const pages = [await read(t, owner.token, { limit: 100 })];
    for (const c of pages[0]!.body.conversations) {
      pages.push(await read(t, owner.token, { conversationId: c.id, limit: 100 }));
    }
    expect(pages.flatMap((p) => p.body.messages ?? []).filter((m: any) => !m.isFromViewer).length).toBeGreaterThan(5);
    const seeded = generateSeedTrainers(t.server.config.sandboxSeed, SANDBOX_TRAINER_COUNT, new Date());
    expect(findPrivateDataLeaks(seeded, seenTexts)).toEqual([]);
  });
});

it("keeps the unread set of every member equal to its definition after all of the above", async () => {
  await auditUnreads(t);
});
