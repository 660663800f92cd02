import { conversationPageSchema, messagePageSchema, messageSchema } from "@opentrain-ai/contract";
import {
  claimedAgent,
  registerAgent,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversations, trainers, type TrainerRow } from "../../src/db/schema.js";
import { generateSeedTrainers, SANDBOX_TRAINER_COUNT } from "../../src/sandbox/trainers/generate.js";
import { MESSAGE_RATE_LIMITS } from "../../src/services/messages/rate-limit.js";
import { setConversationReadOnly } from "../../src/services/messages/set-read-only.js";
import { findContactDetailsIn, findPrivateDataLeaks } from "./leak-scan.js";
import {
  activeTrainers,
  advance,
  auditUnreads,
  call,
  ctxOf,
  openThread,
  read,
  seenTexts,
  send,
  startThread,
  storedMessages,
  trainerWrites,
  type Thread,
} from "./messages-helpers.js";
import { broadJob, eventsOf, publishJob, trainerApplies } from "./proposals-helpers.js";

let t: TestServer;
let owner: ClaimedAgent;
let other: ClaimedAgent;
let pool: TrainerRow[];
/** The owner's invite-only job every thread of this suite is on. */
let jobId: string;
let nextTrainer = 0;

/** A thread with a trainer not used by any other test of the suite. */
const freshThread = () => openThread(t, owner, pool[nextTrainer++]!, {}, jobId);

beforeAll(async () => {
  // No real-time ticks: simulated replies arrive only when a test moves the clock.
  t = await startTestServer({ env: { OPENTRAIN_SANDBOX_TICK_SECONDS: "0" } });
  owner = await claimedAgent(t);
  other = await claimedAgent(t);
  pool = await activeTrainers(t);
  jobId = await publishJob(t, owner.token, broadJob({ visibility: "INVITE_ONLY" }));
}, 120_000);
afterAll(() => t?.close());

describe("POST /proposals/{proposalId}/conversation", () => {
  it("creates the pre-hire thread once (201 created), then returns the same one (200)", async () => {
    const trainer = pool[nextTrainer++]!;
    const applied = await trainerApplies(t, trainer.id, jobId);
    expect(applied.status).toBe(201);
    const proposalId = applied.body.proposalId;
    const first = await startThread(t, owner.token, proposalId);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      ok: true,
      conversationId: expect.stringMatching(/^cnv_/),
      proposalId,
      jobId,
      created: true,
    });
    const again = await startThread(t, owner.token, proposalId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, created: false });
    // Concurrent calls still make one thread.
    const raced = await Promise.all([1, 2, 3].map(() => startThread(t, owner.token, proposalId)));
    expect(new Set(raced.map((r) => r.body.conversationId))).toEqual(new Set([first.body.conversationId]));
    // The thread is listed (empty: no last message, no unread).
    const list = await read(t, owner.token, { filter: "proposal" });
    const summary = list.body.conversations.find((c: any) => c.id === first.body.conversationId);
    expect(summary).toMatchObject({
      type: "DIRECT_MESSAGE",
      bucket: "proposal",
      jobId,
      proposalId,
      channelName: null,
      lastMessage: null,
      unreadCount: 0,
      needsReplyCount: 0,
      readOnly: false,
      freelancer: { userId: trainer.id, profilePath: `/profile/${trainer.slug}` },
    });
  });

  it("is 404 for an unknown proposal and for another account's", async () => {
    const unknown = await startThread(t, owner.token, "prp_doesNotExist000000");
    expect(unknown.status).toBe(404);
    const thread = await freshThread();
    const foreign = await startThread(t, other.token, thread.proposalId);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe("NOT_FOUND");
  });

  it("is 409 proposal_not_ready_for_messaging while an invitation is pending, and works once accepted", async () => {
    const trainer = pool[nextTrainer++]!;
    const invited = await call(t, "POST", `/jobs/${jobId}/invites`, owner.token, { freelancerId: trainer.id });
    expect(invited.status, JSON.stringify(invited.body)).toBeLessThan(300);
    const proposalId = invited.body.proposalId;
    expect(proposalId).toMatch(/^prp_/);
    const early = await startThread(t, owner.token, proposalId);
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({ reason: "proposal_not_ready_for_messaging", proposalId });
    // The trainer accepts (the apply helper accepts a pending invitation).
    const accepted = await trainerApplies(t, trainer.id, jobId);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const started = await startThread(t, owner.token, proposalId);
    expect(started.status).toBe(201);
  });

  it("needs a claimed account (403 account_claim_required)", async () => {
    const unclaimed = await registerAgent(t);
    const res = await call(t, "POST", "/proposals/prp_x/conversation", unclaimed.token, {});
    expect(res.status).toBe(403);
    expect(res.body.details.reason).toBe("account_claim_required");
  });
});

describe("POST /messages", () => {
  let thread: Thread;
  beforeAll(async () => {
    thread = await freshThread();
  });

  it("posts a message (201) in the documented shape and never creates a conversation", async () => {
    const res = await send(t, owner.token, thread.conversationId, "Hi! Thanks for applying.");
    expect(res.status).toBe(201);
    expect(res.body.ok).toBe(true);
    const message = messageSchema.strict().parse(res.body.message);
    expect(message).toMatchObject({
      conversationId: thread.conversationId,
      jobId: null,
      senderUserId: owner.userId,
      isFromViewer: true,
      content: "Hi! Thanks for applying.",
      messageType: null,
      system: false,
      hasUnreadFlag: false,
      attachmentCount: 0,
      hasAudio: false,
      editedAt: null,
      reactionCount: 0,
    });
    expect(message.updatedAt).toBe(message.createdAt);
    const missing = await send(t, owner.token, "cnv_doesNotExist00000000", "Hello");
    expect(missing.status).toBe(404);
    expect(missing.body.details).toMatchObject({ resource: "conversations" });
  });

  it("accepts 1 to 10,000 characters and rejects empty, blank and longer content (400)", async () => {
    const max = await send(t, owner.token, thread.conversationId, "a".repeat(10_000));
    expect(max.status).toBe(201);
    expect(max.body.message.content).toHaveLength(10_000);
    for (const content of ["", "   \n ", "a".repeat(10_001)]) {
      const res = await send(t, owner.token, thread.conversationId, content);
      expect(res.status, JSON.stringify(content.slice(0, 10))).toBe(400);
      expect(res.body.code).toBe("BAD_REQUEST");
      expect(res.body.details.issues).toBeDefined();
    }
    const noId = await call(t, "POST", "/messages", owner.token, { content: "hello" });
    expect(noId.status).toBe(400);
  });

  it("is 404 for another account's conversation (not a participant)", async () => {
    const res = await send(t, other.token, thread.conversationId, "Hello from elsewhere");
    expect(res.status).toBe(404);
    const readIt = await read(t, other.token, { conversationId: thread.conversationId });
    expect(readIt.status).toBe(404);
  });

  it.each([
    ["an email address", "Write to me at hiring.lead@example.com please", "off_platform_contact", "email"],
    ["an obfuscated email", "hiring.lead [at] example [dot] com", "off_platform_contact", "email"],
    ["a phone number", "Call me on +1 415 555 0134 tomorrow", "off_platform_contact", "phone"],
    ["a messaging link", "Ping me at wa.me/14155550134", "off_platform_contact", "contact_link"],
    ["a social handle", "My Telegram: @hiring_lead", "off_platform_contact", "social_handle"],
    ["a request to move elsewhere", "Can you add me on WhatsApp instead?", "off_platform_contact", "contact_request"],
    ["a request for contact details", "What's your personal email?", "off_platform_contact", "contact_request"],
    [
      "talking outside the platform",
      "Let's continue this conversation outside OpenTrain.",
      "off_platform_contact",
      "contact_request",
    ],
    ["PayPal", "I can pay you via PayPal if that's easier.", "off_platform_payment", "payment_request"],
    ["Venmo", "Send me your Venmo and I'll pay you there.", "off_platform_payment", "payment_request"],
    ["Wise", "Would a payment through Wise work for you?", "off_platform_payment", "payment_request"],
    [
      "a bank transfer",
      "We usually do a bank transfer at the end of the month.",
      "off_platform_payment",
      "payment_request",
    ],
    ["crypto", "We can pay in USDT to your wallet.", "off_platform_payment", "payment_request"],
    [
      "paying around the platform",
      "Let's pay directly to avoid the platform fees.",
      "off_platform_payment",
      "payment_request",
    ],
  ])("blocks %s with 403 message_policy_blocked", async (_what, content, policy, detected) => {
    const res = await send(t, owner.token, thread.conversationId, content);
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN");
    expect(res.body.details).toMatchObject({ reason: "message_policy_blocked", policy });
    expect(res.body.details.detected).toContain(detected);
  });

  it("lets ordinary messages through: links to documents, numbers, years, rates, tool names", async () => {
    for (const content of [
      "The guidelines are at https://docs.example.com/labeling-guide.pdf",
      "We have 12,000 images from 2019-2023; the rate is $15 per hour, paid through milestones.",
      "Do you know Segments.ai or Label Studio? We label crypto exchange screenshots.",
      "It would be wise to read the edge cases first.",
    ]) {
      const res = await send(t, owner.token, thread.conversationId, content);
      expect(res.status, `${content}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });

  it("limits each conversation to 10 messages a minute and 60 an hour (429 RATE_LIMITED + retryAfterSeconds)", async () => {
    const limited = await freshThread();
    expect(MESSAGE_RATE_LIMITS).toEqual([
      { limit: 10, windowSeconds: 60 },
      { limit: 60, windowSeconds: 3600 },
    ]);
    for (let i = 1; i <= 10; i++) {
      const ok = await send(t, owner.token, limited.conversationId, `Question ${i} about the guidelines`);
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    }
    const blocked = await send(t, owner.token, limited.conversationId, "One more");
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe("RATE_LIMITED");
    expect(blocked.body.details).toMatchObject({
      limit: 10,
      windowSeconds: 60,
      conversationId: limited.conversationId,
    });
    const retry = blocked.body.details.retryAfterSeconds;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(blocked.headers.get("retry-after")).toBe(String(retry));
    // Per conversation: another thread of the same account is not affected.
    const elsewhere = await send(t, owner.token, thread.conversationId, "Meanwhile, in another thread");
    expect(elsewhere.status).toBe(201);
    // Once the window slides past, sending works again.
    await advance(t, `${retry}s`);
    expect((await send(t, owner.token, limited.conversationId, "After the wait")).status).toBe(201);
    // The hourly limit: 60 in any hour.
    let sent = 11;
    while (sent < 60) {
      await advance(t, "61s");
      for (let i = 0; i < 10 && sent < 60; i++, sent++) {
        const ok = await send(t, owner.token, limited.conversationId, `Batch question ${sent}`);
        expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      }
    }
    await advance(t, "61s");
    const hourly = await send(t, owner.token, limited.conversationId, "Sixty-first");
    expect(hourly.status).toBe(429);
    expect(hourly.body.details).toMatchObject({ limit: 60, windowSeconds: 3600 });
    expect(hourly.body.details.retryAfterSeconds).toBeGreaterThan(60);
    expect(hourly.body.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it("gives the last slot of a window to one of several concurrent sends", async () => {
    const racing = await freshThread();
    for (let i = 0; i < 9; i++) expect((await send(t, owner.token, racing.conversationId, `Q${i}`)).status).toBe(201);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => send(t, owner.token, racing.conversationId, `Racing ${i}`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 429, 429, 429, 429]);
    const stored = await storedMessages(t, racing.conversationId);
    expect(stored).toHaveLength(10);
    // Time strictly increases within the conversation, whatever the race.
    const times = stored.map((m) => m.createdAt.getTime());
    expect(times.every((x, i) => i === 0 || x > times[i - 1]!)).toBe(true);
  });

  it("is 409 read_only_conversation on a read-only thread (reading still works)", async () => {
    const closed = await freshThread();
    await send(t, owner.token, closed.conversationId, "Before closing");
    expect(await setConversationReadOnly(ctxOf(t), closed.conversationId)).toBe(true);
    const res = await send(t, owner.token, closed.conversationId, "After closing");
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ reason: "read_only_conversation" });
    const trainerSide = await trainerWrites(t, closed.trainer.id, closed.conversationId, "Me too?");
    expect(trainerSide.status).toBe(409);
    expect(trainerSide.body.details.reason).toBe("read_only_conversation");
    const page = await read(t, owner.token, { conversationId: closed.conversationId });
    expect(page.status).toBe(200);
    expect(page.body.conversation.readOnly).toBe(true);
    // Order: read-only is checked before the content policy.
    const both = await send(t, owner.token, closed.conversationId, "mail me: a@example.com");
    expect(both.body.details.reason).toBe("read_only_conversation");
  });

  it("is 409 message_blocked when the trainer can no longer be reached", async () => {
    const blocked = await freshThread();
    const db = t.server.database.db;
    await db.update(trainers).set({ status: "SUSPENDED" }).where(eq(trainers.id, blocked.trainer.id));
    try {
      const res = await send(t, owner.token, blocked.conversationId, "Are you there?");
      expect(res.status).toBe(409);
      expect(res.body.details).toMatchObject({ reason: "message_blocked", conversationId: blocked.conversationId });
      // Order: blocked is checked before the content policy.
      const both = await send(t, owner.token, blocked.conversationId, "call +1 415 555 0134");
      expect(both.body.details.reason).toBe("message_blocked");
    } finally {
      await db.update(trainers).set({ status: "ACTIVE" }).where(eq(trainers.id, blocked.trainer.id));
    }
  });

  it("checks the content policy before the rate limit", async () => {
    const busy = await freshThread();
    for (let i = 0; i < 10; i++) expect((await send(t, owner.token, busy.conversationId, `Q${i}`)).status).toBe(201);
    const policy = await send(t, owner.token, busy.conversationId, "pay me via PayPal");
    expect(policy.status).toBe(403);
    const limited = await send(t, owner.token, busy.conversationId, "fine text");
    expect(limited.status).toBe(429);
  });

  it("needs messages:write, the messaging flag and a claim (gates)", async () => {
    const unclaimed = await registerAgent(t);
    const res = await call(t, "POST", "/messages", unclaimed.token, { conversationId: "cnv_x", content: "hi" });
    expect(res.status).toBe(403);
    expect(res.body.details.reason).toBe("account_claim_required");
    // Reading needs only messages:read, which the pre-claim token has.
    const list = await read(t, unclaimed.token);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ conversations: [], nextCursor: null });
  });
});

describe("trainer writes (sandbox helper) and the employer-first rule", () => {
  it("refuses the trainer's first word in a pre-hire thread (409), then delivers it with message.received", async () => {
    const thread = await freshThread();
    const first = await trainerWrites(t, thread.trainer.id, thread.conversationId, "Hello, may I ask something?");
    expect(first.status).toBe(409);
    expect(first.body.details).toMatchObject({ reason: "employer_first_message_required" });
    expect(await storedMessages(t, thread.conversationId)).toHaveLength(0);

    expect((await send(t, owner.token, thread.conversationId, "Welcome! Any questions?")).status).toBe(201);
    const before = (await eventsOf(t, owner.accountId)).length;
    const reply = await trainerWrites(t, thread.trainer.id, thread.conversationId, "Yes: how many images per day?");
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toEqual({
      ok: true,
      messageId: expect.stringMatching(/^msg_/),
      conversationId: thread.conversationId,
      createdAt: expect.any(String),
    });
    const events = (await eventsOf(t, owner.accountId)).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "message.received",
      resourceId: thread.conversationId,
      jobId,
      data: { conversationId: thread.conversationId, messageId: reply.body.messageId },
    });
    // Employer messages raise no event for the employer's own account.
    await send(t, owner.token, thread.conversationId, "About 500.");
    expect((await eventsOf(t, owner.accountId)).slice(before)).toHaveLength(1);
  });

  it("is 404 for a trainer who is not in the conversation, or an unknown trainer", async () => {
    const thread = await freshThread();
    await send(t, owner.token, thread.conversationId, "Hi");
    const stranger = pool[pool.length - 1]!;
    const res = await trainerWrites(t, stranger.id, thread.conversationId, "Hi, not my thread");
    expect(res.status).toBe(404);
    const unknown = await trainerWrites(t, "ftr_noSuchTrainer0000000", thread.conversationId, "Hi");
    expect(unknown.status).toBe(404);
  });

  it("applies the content policy to the trainer too (403), and redacts a last name or link on read", async () => {
    const thread = await freshThread();
    await send(t, owner.token, thread.conversationId, "Hi, tell me about yourself");
    const tr = thread.trainer;
    for (const content of [
      `Email me at ${tr.email}`,
      `My number is ${tr.phone}`,
      "Let's talk on WhatsApp instead",
      "Please pay me via PayPal",
    ]) {
      const res = await trainerWrites(t, tr.id, thread.conversationId, content);
      expect(res.status, content).toBe(403);
      expect(res.body.details.reason).toBe("message_policy_blocked");
    }
    const named = await trainerWrites(
      t,
      tr.id,
      thread.conversationId,
      `I'm ${tr.firstName} ${tr.lastName}; my portfolio is at https://portfolio.example/${tr.slug}`,
    );
    expect(named.status).toBe(201);
    const page = await read(t, owner.token, { conversationId: thread.conversationId });
    const text = page.body.messages[0].content;
    expect(text).not.toContain(tr.lastName);
    expect(text).toContain("[name redacted]");
    expect(text).toContain("[link redacted]");
    const list = await read(t, owner.token, { filter: "proposal" });
    const summary = list.body.conversations.find((c: any) => c.id === thread.conversationId);
    expect(summary.lastMessage.content).toBe(text);
    expect(summary.lastMessage.isFromViewer).toBe(false);
    expect(summary.lastMessage.senderUserId).toBe(tr.id);
  });
});

describe("GET /messages", () => {
  let thread: Thread;
  const contents = ["t1", "t2", "t3", "t4", "t5"];
  beforeAll(async () => {
    thread = await freshThread();
    await send(t, owner.token, thread.conversationId, "e1");
    for (const c of contents) {
      const res = await trainerWrites(t, thread.trainer.id, thread.conversationId, c);
      expect(res.status).toBe(201);
    }
  });

  it("lists summaries with unread and needs-reply counts, and unreadOnly", async () => {
    const list = await read(t, owner.token);
    expect(list.status).toBe(200);
    conversationPageSchema.parse(list.body);
    const summary = list.body.conversations.find((c: any) => c.id === thread.conversationId);
    expect(summary).toMatchObject({ unreadCount: 5, needsReplyCount: 5, lastMessage: { content: "t5" } });
    const unread = await read(t, owner.token, { unreadOnly: "true" });
    expect(unread.body.conversations.map((c: any) => c.id)).toContain(thread.conversationId);
    expect(unread.body.conversations.every((c: any) => c.unreadCount > 0)).toBe(true);
    expect((await read(t, owner.token, { unreadOnly: 1 })).body).toEqual(unread.body);
  });

  it("reads newest first (direction older) with a cursor, and marks what it showed read", async () => {
    const p1 = await read(t, owner.token, { conversationId: thread.conversationId, limit: 2 });
    expect(p1.status).toBe(200);
    messagePageSchema.parse(p1.body);
    expect(p1.body.conversation).toMatchObject({
      id: thread.conversationId,
      bucket: "proposal",
      proposalId: thread.proposalId,
      jobId,
    });
    expect(p1.body.messages.map((m: any) => m.content)).toEqual(["t5", "t4"]);
    expect(p1.body.messages.every((m: any) => m.hasUnreadFlag && !m.isFromViewer)).toBe(true);
    const p2 = await read(t, owner.token, {
      conversationId: thread.conversationId,
      limit: 2,
      cursor: p1.body.nextCursor,
    });
    expect(p2.body.messages.map((m: any) => m.content)).toEqual(["t3", "t2"]);
    const p3 = await read(t, owner.token, {
      conversationId: thread.conversationId,
      limit: 2,
      cursor: p2.body.nextCursor,
      direction: "older",
    });
    expect(p3.body.messages.map((m: any) => m.content)).toEqual(["t1", "e1"]);
    expect(p3.body.nextCursor).toBeNull();
    // The first page moved the marker to t5: everything is read now.
    const again = await read(t, owner.token, { conversationId: thread.conversationId });
    expect(again.body.messages.some((m: any) => m.hasUnreadFlag)).toBe(false);
    const list = await read(t, owner.token);
    const summary = list.body.conversations.find((c: any) => c.id === thread.conversationId);
    expect(summary.unreadCount).toBe(0);
    expect(summary.needsReplyCount).toBe(5);
    const unread = await read(t, owner.token, { unreadOnly: true });
    expect(unread.body.conversations.map((c: any) => c.id)).not.toContain(thread.conversationId);
  });

  it("pages forward oldest first with direction newer, marking read only up to what it showed", async () => {
    const fresh = await freshThread();
    await send(t, owner.token, fresh.conversationId, "hello");
    for (const c of ["a", "b", "c"]) await trainerWrites(t, fresh.trainer.id, fresh.conversationId, c);
    const p1 = await read(t, owner.token, { conversationId: fresh.conversationId, direction: "newer", limit: 2 });
    expect(p1.body.messages.map((m: any) => m.content)).toEqual(["hello", "a"]);
    expect(p1.body.messages.map((m: any) => m.isFromViewer)).toEqual([true, false]);
    let summary = (await read(t, owner.token)).body.conversations.find((c: any) => c.id === fresh.conversationId);
    expect(summary.unreadCount).toBe(2);
    const p2 = await read(t, owner.token, {
      conversationId: fresh.conversationId,
      direction: "newer",
      limit: 2,
      cursor: p1.body.nextCursor,
    });
    expect(p2.body.messages.map((m: any) => m.content)).toEqual(["b", "c"]);
    expect(p2.body.messages.every((m: any) => m.hasUnreadFlag)).toBe(true);
    expect(p2.body.nextCursor).toBeNull();
    summary = (await read(t, owner.token)).body.conversations.find((c: any) => c.id === fresh.conversationId);
    expect(summary.unreadCount).toBe(0);
    // Tailing: newer from the last cursor answers only what arrived since.
    await trainerWrites(t, fresh.trainer.id, fresh.conversationId, "d");
    const tail = await read(t, owner.token, {
      conversationId: fresh.conversationId,
      direction: "newer",
      cursor: p1.body.nextCursor,
    });
    expect(tail.body.messages.map((m: any) => m.content)).toEqual(["b", "c", "d"]);
    // Replying clears needs-reply and reads the thread.
    await send(t, owner.token, fresh.conversationId, "thanks");
    summary = (await read(t, owner.token)).body.conversations.find((c: any) => c.id === fresh.conversationId);
    expect(summary).toMatchObject({ needsReplyCount: 0, unreadCount: 0, lastMessage: { isFromViewer: true } });
  });

  it("orders summaries by latest activity, pages with a cursor, and filters by bucket", async () => {
    const agent = await claimedAgent(t);
    const job = await publishJob(t, agent.token, broadJob({ visibility: "INVITE_ONLY" }));
    const threads: Thread[] = [];
    for (let i = 0; i < 3; i++) threads.push(await openThread(t, agent, pool[nextTrainer++]!, {}, job));
    // Activity: thread 0 last.
    await send(t, agent.token, threads[1]!.conversationId, "second");
    await send(t, agent.token, threads[0]!.conversationId, "latest");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await read(t, agent.token, { limit: 1, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.conversations).toHaveLength(1);
      seen.push(res.body.conversations[0].id);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([threads[0]!.conversationId, threads[1]!.conversationId, threads[2]!.conversationId]);
    // A post-hire direct message (made by hiring; inserted here) is in the job bucket only.
    const now = t.server.clock.now();
    await t.server.database.db.insert(conversations).values({
      id: "cnv_jobDmFixture00000001",
      kind: "JOB",
      accountId: agent.accountId,
      trainerId: threads[2]!.trainer.id,
      proposalId: threads[2]!.proposalId,
      jobId: job,
      readOnly: false,
      lastActivityAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const jobs = await read(t, agent.token, { filter: "job" });
    expect(jobs.body.conversations.map((c: any) => [c.id, c.bucket])).toEqual([["cnv_jobDmFixture00000001", "job"]]);
    const proposals = await read(t, agent.token, { filter: "proposal" });
    expect(proposals.body.conversations.map((c: any) => c.id)).toEqual(seen);
    const all = await read(t, agent.token, { filter: "all" });
    expect(all.body.conversations).toHaveLength(4);
    const dm = await read(t, agent.token, { conversationId: "cnv_jobDmFixture00000001" });
    expect(dm.body.conversation).toMatchObject({ bucket: "job", jobId: job });
    // Another account sees none of it.
    const foreign = await read(t, other.token, { filter: "all" });
    expect(foreign.body.conversations.map((c: any) => c.id)).not.toContain(threads[0]!.conversationId);
  });

  it("validates its query (400)", async () => {
    for (const query of [
      { limit: 0 },
      { limit: 101 },
      { filter: "unread" },
      { conversationId: thread.conversationId, direction: "sideways" },
      { cursor: "not a cursor!" },
      { conversationId: thread.conversationId, cursor: "bm90IGEgY3Vyc29y" },
    ]) {
      const res = await read(t, owner.token, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.code).toBe("BAD_REQUEST");
    }
    expect((await read(t, owner.token, { conversationId: "cnv_unknown0000000000000" })).status).toBe(404);
  });
});

describe("privacy", () => {
  it("never shows a trainer's email, phone, legal or last name, or a contact detail, in any messages answer", async () => {
    // Trainer-written text that needs the sanitizer, then every list and page of the suite again.
    const thread = await freshThread();
    await send(t, owner.token, thread.conversationId, "Hello");
    const tr = thread.trainer;
    await trainerWrites(t, tr.id, thread.conversationId, `Regards, ${tr.firstName} ${tr.lastName} (${tr.legalName})`);
    const pages = [await read(t, owner.token), await read(t, owner.token, { filter: "proposal", limit: 100 })];
    for (const c of pages[1]!.body.conversations) {
      pages.push(await read(t, owner.token, { conversationId: c.id, limit: 100 }));
    }
    expect(seenTexts.length).toBeGreaterThan(50);
    const seeded = generateSeedTrainers(t.server.config.sandboxSeed, SANDBOX_TRAINER_COUNT, new Date());
    expect(findPrivateDataLeaks(seeded, seenTexts)).toEqual([]);
    // What the trainer wrote, and every conversation header, holds no contact detail at all
    // (the employer's own messages may carry links to documents).
    const found: string[] = [];
    for (const p of pages) {
      const trainerSide = {
        ...p.body,
        messages: p.body.messages?.filter((m: any) => m.senderUserId.startsWith("ftr_")),
        conversations: p.body.conversations?.map((c: any) => ({
          ...c,
          lastMessage: c.lastMessage?.senderUserId.startsWith("ftr_") ? c.lastMessage : null,
        })),
      };
      findContactDetailsIn(trainerSide, "$", {}, found);
    }
    expect(found).toEqual([]);
  });
});

it("keeps the unread set exact while trainers write and the employer reads the same threads at once", async () => {
  const threads = [await freshThread(), await freshThread(), await freshThread()];
  await Promise.all(
    threads.flatMap((th) => [
      trainerWrites(t, th.trainer.id, th.conversationId, "First look at the sample done."),
      read(t, owner.token, { conversationId: th.conversationId }),
      trainerWrites(t, th.trainer.id, th.conversationId, "Second batch uploaded."),
      read(t, owner.token, { conversationId: th.conversationId }),
    ]),
  );
  await auditUnreads(t);
  // Whatever the interleaving, reading each thread once more leaves none of them unread.
  for (const th of threads) await read(t, owner.token, { conversationId: th.conversationId });
  const unread = (await read(t, owner.token, { unreadOnly: true })).body.conversations.map((c: any) => c.id);
  for (const th of threads) expect(unread).not.toContain(th.conversationId);
  await auditUnreads(t);
});

it("keeps the unread set of every member equal to its definition after all of the above", async () => {
  await auditUnreads(t);
});
