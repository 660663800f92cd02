import { list, obj, plural, str, type Json, type Summarizer } from "./types.js";

/**
 * Summaries of the candidate tools: proposals, freelancer profiles, invites and messages. The
 * proposal list is a ranking (interview score, then match score) the agent can act on directly.
 */

const objects = (v: unknown): Json[] =>
  list(v)
    .map(obj)
    .filter((o): o is Json => o !== undefined);
const strings = (v: unknown): string[] => list(v).filter((s): s is string => typeof s === "string");
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

const FULL = "Full response in structuredContent.";

function money(n: number): string {
  return `$${n.toLocaleString("en-US", { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 6 })}`;
}

/** `$18/h`, `$0.05/label`, `$500 fixed`, or `no bid yet`. */
export function formatBid(bid: unknown): string {
  const b = obj(bid) ?? {};
  const amount = num(b.amountUsd);
  if (amount === undefined) return "no bid yet";
  switch (b.unit) {
    case "PER_HOUR":
      return `${money(amount)}/h`;
    case "PER_LABEL":
      return `${money(amount)}/label`;
    case "FIXED_PRICE":
      return `${money(amount)} fixed`;
    default:
      return money(amount);
  }
}

/** Interview score `82/100` or `n/a`. */
export function formatInterview(score: unknown): string {
  const n = num(score);
  return n === undefined ? "n/a" : `${Math.round(n * 10) / 10}/100`;
}

/** Match score (0–1) as `0.87` or `n/a`. */
export function formatMatch(score: unknown): string {
  const n = num(score);
  return n === undefined ? "n/a" : n.toFixed(2);
}

/** Best first: interview score, then match score (missing scores last); stable otherwise. */
export function rankProposals<T extends Json>(proposals: T[]): T[] {
  const metric = (p: Json, key: string) => num(obj(p.metrics)?.[key]) ?? -Infinity;
  return proposals
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        metric(b.p, "interviewScore") - metric(a.p, "interviewScore") ||
        metric(b.p, "matchScore") - metric(a.p, "matchScore") ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

function candidateName(p: Json): string {
  const c = obj(p.candidate) ?? {};
  return str(c.displayName) ?? str(c.firstName) ?? "?";
}

function statusOf(p: Json): string {
  const s = obj(p.status);
  return str(s?.raw) ?? str(p.status) ?? "?";
}

function invitationNote(p: Json): string {
  const inv = obj(p.invitation);
  return inv ? ` (invited, ${str(inv.status) ?? "PENDING"})` : "";
}

function cursorLine(body: Json): string {
  const cursor = str(body.nextCursor);
  return cursor ? `More results: call again with cursor "${cursor}" (same filters).` : "No more pages.";
}

/** opentrain_list_proposals: one ranked line per proposal, the cursor and the next step. */
export const listProposalsSummary: Summarizer = (data, { params }) => {
  const body = obj(data) ?? {};
  const proposals = rankProposals(objects(body.proposals));
  const jobId = str(params.jobId);
  const lines: string[] = [];
  if (proposals.length === 0) {
    lines.push(`No proposals${jobId ? ` on job ${jobId}` : ""}${str(params.status) ? ` with that status` : ""} yet.`);
  } else {
    lines.push(
      `${plural(proposals.length, "proposal")}${jobId ? ` on job ${jobId}` : ""}, ranked by interview score then match score:`,
    );
    proposals.forEach((p, i) => {
      const metrics = obj(p.metrics) ?? {};
      lines.push(
        `${i + 1}. ${candidateName(p)} — ${statusOf(p)}${invitationNote(p)} — bid ${formatBid(p.bid)} — interview ${formatInterview(metrics.interviewScore)} — match ${formatMatch(metrics.matchScore)} — proposal ${str(p.id) ?? "?"}`,
      );
    });
  }
  lines.push(cursorLine(body));
  const top = proposals[0] ? str(proposals[0].id) : undefined;
  lines.push(
    `Next step: read a candidate in depth with opentrain_get_proposal${top ? ` (proposalId "${top}")` : ""} and includeInterview: true; message them with opentrain_start_proposal_conversation then opentrain_send_message; request the hire with opentrain_hire_proposal.`,
  );
  lines.push(FULL);
  return lines.join("\n");
};

/** opentrain_get_proposal (the body may carry `interview` when includeInterview merged it). */
export const getProposalSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const p = obj(body.proposal) ?? {};
  const id = str(p.id) ?? "?";
  const c = obj(p.candidate) ?? {};
  const metrics = obj(p.metrics) ?? {};
  const lines: string[] = [];
  lines.push(
    `Proposal ${id}${str(p.jobTitle) ? ` on "${str(p.jobTitle)}"` : ""}${str(p.jobId) ? ` (job ${str(p.jobId)})` : ""}: ${candidateName(p)} — ${statusOf(p)}${invitationNote(p)} — bid ${formatBid(p.bid)}.`,
  );
  const who = [
    str(c.profileTitle),
    str(c.country) ?? str(c.countryCode),
    num(c.reviewCount) !== undefined ? plural(num(c.reviewCount)!, "review") : undefined,
  ].filter(Boolean);
  if (who.length > 0 || str(c.id)) {
    lines.push(
      `Candidate: ${who.join(" — ")}${str(c.id) ? `${who.length ? " — " : ""}freelancer id ${str(c.id)}` : ""}.`,
    );
  }
  const ai = obj(p.aiInterview);
  const score = ai ? (num(ai.score) ?? num(metrics.interviewScore)) : num(metrics.interviewScore);
  lines.push(`Scores: interview ${formatInterview(score)}, match ${formatMatch(metrics.matchScore)}.`);
  if (ai && str(ai.summary)) lines.push(`Interview summary: ${str(ai.summary)}`);
  const cover = str(p.coverNote);
  if (cover) lines.push(`Cover note: ${cover.length > 400 ? `${cover.slice(0, 397)}…` : cover}`);
  const verification = obj(p.verification);
  if (verification) {
    const loc = obj(verification.location);
    const identity = obj(verification.identity);
    lines.push(
      `Verification: location ${str(loc?.status) ?? "none"}, identity ${identity?.verified === true ? "verified" : "not verified"}.`,
    );
  }
  const label = obj(p.openLabel);
  if (label && num(label.score) !== undefined) {
    lines.push(
      `Labeling assessment: ${num(label.score)}/100 (${label.passed === true ? "passed" : "not passed"})${str(label.labelType) ? `, ${str(label.labelType)}` : ""}.`,
    );
  }
  const contract = obj(p.contract);
  if (contract) lines.push(`Contract: ${str(contract.id) ?? "?"} (${str(contract.status) ?? "?"}).`);
  const interview = obj(body.interview);
  if (interview) {
    const messages = objects(interview.messages);
    lines.push(`Interview transcript (${plural(messages.length, "message")}):`);
    for (const m of messages) lines.push(`${str(m.role) ?? "?"}: ${str(m.content) ?? ""}`);
  } else if (ai?.transcriptAvailable === true && !("interview" in body)) {
    lines.push("A transcript is available: call again with includeInterview: true.");
  }
  lines.push(
    contract
      ? `Next step: the proposal is hired; read the contract with opentrain_get_contract ("${str(contract.id) ?? "?"}").`
      : `Next step: talk to the candidate with opentrain_start_proposal_conversation (proposalId "${id}") and opentrain_send_message, or request the hire with opentrain_hire_proposal.`,
  );
  lines.push(FULL);
  return lines.join("\n");
};

/** opentrain_get_freelancer_profile */
export const getFreelancerProfileSummary: Summarizer = (data) => {
  const f = obj(obj(data)?.freelancer) ?? {};
  const id = str(f.id) ?? "?";
  const lines: string[] = [];
  const where = [str(f.city), str(f.country) ?? str(f.countryCode)].filter(Boolean).join(", ");
  lines.push(
    `${str(f.displayName) ?? "?"} (freelancer id ${id})${str(f.title) ? ` — ${str(f.title)}` : ""}${where ? ` — ${where}` : ""}.`,
  );
  const facts = [
    num(f.hourlyRateUsd) !== undefined ? `rate ${money(num(f.hourlyRateUsd)!)}/h` : undefined,
    str(f.expertiseLevel) ? `level ${str(f.expertiseLevel)}` : undefined,
    str(f.availability) ? `availability ${str(f.availability)}` : undefined,
    str(f.englishLevel) ? `English ${str(f.englishLevel)}` : undefined,
    f.identityVerified === true ? "identity verified" : "identity not verified",
  ].filter(Boolean);
  lines.push(`${facts.join("; ")}.`);
  const stats = obj(f.stats);
  if (stats) {
    lines.push(
      `Stats: earned ${money(num(stats.totalEarnedUsd) ?? 0)}, ${num(stats.billedHours) ?? 0} billed hours, job success ${num(stats.jobSuccessScore) ?? "n/a"}, ${plural(num(stats.reviewCount) ?? 0, "review")}${num(stats.averageRating) !== undefined ? ` (avg ${num(stats.averageRating)}/5)` : ""}.`,
    );
  }
  const skills = obj(f.skills) ?? {};
  const skillList = [
    ...strings(skills.subjectMatter),
    ...strings(skills.labelTypes),
    ...strings(skills.dataTypes),
    ...strings(skills.software),
    ...strings(skills.tags),
  ];
  if (skillList.length) lines.push(`Skills: ${[...new Set(skillList)].slice(0, 20).join(", ")}.`);
  const langs = objects(f.languages).map((l) => `${str(l.language) ?? "?"} (${str(l.proficiency) ?? "?"})`);
  if (langs.length) lines.push(`Languages: ${langs.join(", ")}.`);
  const labels = objects(f.labelExperience).map((l) => str(l.title) ?? "?");
  if (labels.length) lines.push(`Labeling experience: ${labels.join("; ")}.`);
  const work = objects(f.workExperience).map(
    (w) => `${str(w.title) ?? "?"}${str(w.company) ? ` at ${str(w.company)}` : ""}`,
  );
  if (work.length) lines.push(`Work: ${work.join("; ")}.`);
  const edu = objects(f.education).map((e) => `${str(e.degree) ? `${str(e.degree)}, ` : ""}${str(e.school) ?? "?"}`);
  if (edu.length) lines.push(`Education: ${edu.join("; ")}.`);
  const bio = str(f.bio);
  if (bio) lines.push(`Bio: ${bio.length > 300 ? `${bio.slice(0, 297)}…` : bio}`);
  lines.push(
    `Next step: invite them to a published job with opentrain_invite_freelancer (freelancerId "${id}"), or compare proposals with opentrain_list_proposals.`,
  );
  lines.push(FULL);
  return lines.join("\n");
};

/** opentrain_invite_freelancer */
export const inviteFreelancerSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const who = str(body.freelancerId) ?? "?";
  const job = str(body.jobId) ?? "?";
  const proposal = str(body.proposalId) ?? "?";
  return [
    body.alreadyInvited === true
      ? `Freelancer ${who} was already invited to job ${job} (alreadyInvited: true); the existing proposal ${proposal} is returned and nothing changed.`
      : `Invited freelancer ${who} to job ${job}: invited proposal ${proposal} created.`,
    `Next step: watch opentrain_poll_updates for their response; the proposal shows in opentrain_list_proposals (jobId "${job}").`,
    FULL,
  ].join("\n");
};

function preview(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** opentrain_read_messages: conversation list, or one thread oldest → newest. */
export const readMessagesSummary: Summarizer = (data, { params }) => {
  const body = obj(data) ?? {};
  const lines: string[] = [];
  if (Array.isArray(body.messages)) {
    const conv = obj(body.conversation) ?? {};
    const id = str(conv.id) ?? str(params.conversationId) ?? "?";
    const trainer = str(obj(conv.freelancer)?.displayName) ?? "Trainer";
    const messages = objects(body.messages);
    // direction older (the default) pages newest first; show oldest → newest either way.
    const ordered = params.direction === "newer" ? messages : [...messages].reverse();
    lines.push(
      `Conversation ${id} with ${trainer}${str(conv.bucket) ? ` (${str(conv.bucket)} thread)` : ""}${conv.readOnly === true ? ", read-only" : ""}: ${plural(messages.length, "message")}${messages.length ? ", oldest first:" : "."}`,
    );
    for (const m of ordered) {
      const name = m.system === true ? "System" : m.isFromViewer === true ? "You" : trainer;
      const extra = num(m.attachmentCount) ? ` [${plural(num(m.attachmentCount)!, "attachment")}]` : "";
      lines.push(`${name}: ${str(m.content) ?? ""}${extra}${m.hasUnreadFlag === true ? " (new)" : ""}`);
    }
    const cursor = str(body.nextCursor);
    lines.push(
      cursor
        ? `More messages: call again with cursor "${cursor}" and the same direction (${params.direction === "newer" ? "newer" : "older"}).`
        : "No more messages.",
    );
    lines.push(
      conv.readOnly === true
        ? "Next step: this conversation is read-only; nobody can post any more."
        : `Next step: reply with opentrain_send_message (conversationId "${id}").`,
    );
  } else {
    const conversations = objects(body.conversations);
    const unreadTotal = conversations.reduce((n, c) => n + (num(c.unreadCount) ?? 0), 0);
    lines.push(
      conversations.length === 0
        ? "No conversations."
        : `${plural(conversations.length, "conversation")} (most recent first, ${unreadTotal} unread):`,
    );
    for (const c of conversations) {
      const last = obj(c.lastMessage);
      const about = str(c.proposalId) ? `proposal ${str(c.proposalId)}` : str(c.jobId) ? `job ${str(c.jobId)}` : "";
      lines.push(
        `- ${str(obj(c.freelancer)?.displayName) ?? "?"} — ${num(c.unreadCount) ?? 0} unread${num(c.needsReplyCount) ? `, ${num(c.needsReplyCount)} awaiting reply` : ""}${about ? ` — ${about}` : ""}${c.readOnly === true ? " — read-only" : ""} — conversation ${str(c.id) ?? "?"}${last && str(last.content) ? ` — last: ${last.isFromViewer === true ? "You" : "them"}: "${preview(str(last.content)!)}"` : ""}`,
      );
    }
    lines.push(cursorLine(body));
    lines.push(
      "Next step: read a thread with opentrain_read_messages and its conversationId; reply with opentrain_send_message.",
    );
  }
  lines.push(FULL);
  return lines.join("\n");
};

/** opentrain_send_message */
export const sendMessageSummary: Summarizer = (data) => {
  const m = obj(obj(data)?.message) ?? {};
  const conv = str(m.conversationId) ?? "?";
  return [
    `Sent message ${str(m.id) ?? "?"} to conversation ${conv} at ${str(m.createdAt) ?? "?"}: "${preview(str(m.content) ?? "", 200)}"`,
    `Next step: watch opentrain_poll_updates for message.received, or read replies with opentrain_read_messages (conversationId "${conv}").`,
    FULL,
  ].join("\n");
};

/** opentrain_start_proposal_conversation */
export const startProposalConversationSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const conv = str(body.conversationId) ?? "?";
  return [
    body.created === false
      ? `The pre-hire conversation ${conv} for proposal ${str(body.proposalId) ?? "?"} already existed (created: false).`
      : `Started the pre-hire conversation ${conv} for proposal ${str(body.proposalId) ?? "?"} (created: true).`,
    `Next step: send the first message with opentrain_send_message (conversationId "${conv}"); the candidate cannot write until you do.`,
    FULL,
  ].join("\n");
};
