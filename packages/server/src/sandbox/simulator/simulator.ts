import type { SimulationTaskRow } from "../../db/schema.js";
import type { ServiceContext } from "../../services/context.js";
import { findJob } from "../../services/jobs/find-job.js";
import { JOB_PUBLISHED_TASK } from "../../services/jobs/publish-job.js";
import { findProposal } from "../../services/proposals/find-proposal.js";
import { INVITE_RECEIVED_TASK } from "../../services/proposals/invite-trainer.js";
import { respondToInvite } from "../../services/proposals/respond-to-invite.js";
import { submitProposal } from "../../services/proposals/submit-proposal.js";
import { runDueTasks, type TaskHandler } from "../../services/simulation/run-due-tasks.js";
import { replyAsTrainer, TRAINER_REPLY_TASK } from "../../services/messages/reply-as-trainer.js";
import { scheduleTasks } from "../../services/simulation/schedule-task.js";
import { findTrainer } from "../../services/trainers/find-trainer.js";
import { listAvailableTrainers } from "../../services/trainers/list-available-trainers.js";
import type { DueTask } from "../runtime.js";
import { APPROVAL_EXPIRY_TASK } from "../../services/approvals/expire-approval.js";
import { TRAINER_DELIVERY_TASK } from "../../services/milestones/schedule-delivery.js";
import { generateApplication } from "./application.js";
import { approvalExpiry, trainerDelivery } from "./hiring.js";
import { decideInvite } from "./invite-decision.js";
import { planApplications } from "./plan.js";
import { simulationSeed } from "./seed.js";

/** Task kinds the simulator schedules for itself. */
export const APPLY_TASK = "apply";
export const INVITE_RESPONSE_TASK = "invite_response";

const MINUTE = 60_000;
const str = (task: SimulationTaskRow, key: string) => String(task.payload[key] ?? "");

/**
 * A job was published: plan who applies when (plan.ts) and schedule one `apply` task per
 * applicant, timed from the publish time. Keys make re-planning (a re-publish, or this task
 * running twice) schedule each trainer once per job.
 */
const jobPublished: TaskHandler = async (tx, task) => {
  const job = await findJob(tx, str(task, "jobId"));
  if (!job || job.status !== "OPEN") return;
  const seed = simulationSeed(tx.config.sandboxSeed, job);
  const candidates = await listAvailableTrainers(tx, { languages: job.languages, countries: job.countries });
  const base = (job.publishedAt ?? task.dueAt).getTime();
  await scheduleTasks(
    tx,
    planApplications(job, candidates, seed).map((p) => ({
      key: `apply:${job.id}:${p.trainerId}`,
      kind: APPLY_TASK,
      payload: { jobId: job.id, trainerId: p.trainerId, seed, fit: p.fit },
      dueAt: new Date(base + p.delayMinutes * MINUTE),
    })),
  );
};

/** A planned trainer applies (through the same service as the sandbox helper), if the job is still open. */
const apply: TaskHandler = async (tx, task) => {
  const job = await findJob(tx, str(task, "jobId"));
  const trainer = await findTrainer(tx, str(task, "trainerId"));
  if (!job || job.status !== "OPEN" || !trainer || trainer.status !== "ACTIVE") return;
  const content = generateApplication(job, trainer, str(task, "seed"), task.dueAt, { earliest: job.publishedAt });
  // An existing proposal (invited meanwhile, or applied through the helper) is left as it is.
  await submitProposal(tx, { jobId: job.id, trainer, content, at: task.dueAt });
};

/** A trainer was invited: decide the answer and schedule it after the persona's usual delay. */
const inviteReceived: TaskHandler = async (tx, task) => {
  const found = await findProposal(tx, str(task, "proposalId"));
  if (!found || found.proposal.invitationStatus !== "PENDING") return;
  const { proposal, job, trainer } = found;
  const seed = simulationSeed(tx.config.sandboxSeed, job);
  const decision = decideInvite(job, trainer, seed);
  const invitedAt = (proposal.invitedAt ?? task.dueAt).getTime();
  await scheduleTasks(tx, [
    {
      key: `invite_response:${proposal.id}`,
      kind: INVITE_RESPONSE_TASK,
      payload: { proposalId: proposal.id, accept: decision.accept, seed },
      dueAt: new Date(invitedAt + decision.delayMinutes * MINUTE),
    },
  ]);
};

/** The invited trainer answers: accepts with a full application, or declines. */
const inviteResponse: TaskHandler = async (tx, task) => {
  const found = await findProposal(tx, str(task, "proposalId"));
  if (!found || found.proposal.invitationStatus !== "PENDING") return;
  const { proposal, job, trainer } = found;
  if (task.payload.accept !== true) {
    await respondToInvite(tx, { proposalId: proposal.id, response: { accept: false }, at: task.dueAt });
    return;
  }
  // A job closed meanwhile cannot be accepted: the invitation stays unanswered.
  if (job.status !== "OPEN") return;
  const content = generateApplication(job, trainer, str(task, "seed"), task.dueAt, {
    earliest: proposal.invitedAt,
  });
  await respondToInvite(tx, { proposalId: proposal.id, response: { accept: true, content }, at: task.dueAt });
};

export const SIMULATOR_HANDLERS: Readonly<Record<string, TaskHandler>> = {
  [JOB_PUBLISHED_TASK]: jobPublished,
  [APPLY_TASK]: apply,
  [INVITE_RECEIVED_TASK]: inviteReceived,
  [INVITE_RESPONSE_TASK]: inviteResponse,
  // Messaging (services/messages): a simulated trainer answers the employer's message.
  [TRAINER_REPLY_TASK]: replyAsTrainer,
  // Hiring (services/approvals, services/milestones): approvals lapse, trainers deliver funded work.
  [APPROVAL_EXPIRY_TASK]: approvalExpiry,
  [TRAINER_DELIVERY_TASK]: trainerDelivery,
};

/**
 * The sandbox trainer simulator as a due task of the sandbox runtime: whenever the clock moves
 * (a clock advance, or the real-time tick), it runs every simulation task that is due, in due
 * order, including work that scheduling creates on the way.
 */
export function createSimulator(ctx: ServiceContext): DueTask {
  return async (now) => {
    await runDueTasks(ctx, now, SIMULATOR_HANDLERS);
  };
}
