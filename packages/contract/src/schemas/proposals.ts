import { z } from "zod";
import { isoTimestamp, nextCursor } from "./common.js";

/** Proposal review statuses (`status.raw`). */
export const PROPOSAL_STATUSES = [
  "UNREVIEWED",
  "SHORTLISTED",
  "MAYBE",
  "HIRED",
  "DECLINED",
  "NOT_A_FIT",
  "RESUME_SENT",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** How the proposal came about: the trainer applied, or the employer invited the trainer. */
export const PROPOSAL_SOURCES = ["APPLIED", "INVITED"] as const;
/** An invited trainer's answer to the invitation. */
export const INVITATION_STATUSES = ["PENDING", "ACCEPTED", "DECLINED"] as const;
/** Unit of a bid: the job's payment type. */
export const BID_UNITS = ["PER_HOUR", "PER_LABEL", "FIXED_PRICE"] as const;

/** Masked candidate: first name + last initial, never contact details. */
export const maskedCandidateSchema = z.object({
  id: z.string().describe("The AI trainer's user id; key records on it, never on the display name"),
  profileSlug: z.string().nullable(),
  displayName: z.string().describe('e.g. "Ana P."; "Freelancer" when no usable name exists'),
  firstName: z.string(),
  lastNameInitial: z.string(),
  profileTitle: z.string().nullable(),
  profilePhotoUrl: z.string().nullable(),
  countryCode: z.string().nullable(),
  country: z.string().nullable(),
  talentType: z.string(),
  highestEarningsUsd: z.number().nullable(),
  reviewCount: z.number().int().nonnegative(),
});

export const proposalSummarySchema = z.object({
  id: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  status: z.object({ raw: z.enum(PROPOSAL_STATUSES), label: z.string().describe('e.g. "Not a fit"') }),
  source: z.enum(PROPOSAL_SOURCES).describe("APPLIED (the trainer applied) or INVITED (POST /jobs/{jobId}/invites)"),
  invitation: z
    .object({
      status: z.enum(INVITATION_STATUSES).describe("PENDING until the trainer accepts or declines"),
      invitedAt: isoTimestamp,
      respondedAt: isoTimestamp.nullable(),
    })
    .nullable()
    .describe("Set on invited proposals; null when the trainer applied"),
  bid: z.object({
    amountUsd: z.number().nullable().describe("null until an invited trainer accepts"),
    unit: z.enum(BID_UNITS).nullable().describe("PER_HOUR, PER_LABEL or FIXED_PRICE (the job's payment type)"),
    labelerHourlyRateUsd: z.number().nullable().describe("The trainer's hourly rate expectation"),
  }),
  candidate: maskedCandidateSchema,
  metrics: z.object({
    interviewScore: z.number().nullable().describe("AI interview score, 0–100; null without an interview"),
    matchScore: z.number().nullable().describe("Resume match score, 0–1"),
  }),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;

export const proposalPageSchema = z.object({
  proposals: z.array(proposalSummarySchema),
  nextCursor,
});

export const proposalDetailSchema = proposalSummarySchema.extend({
  coverNote: z.string().nullable().describe("The trainer's cover note, sanitized (no contact details)"),
  aiInterview: z
    .object({
      score: z.number().nullable(),
      summary: z.string().nullable(),
      transcriptAvailable: z.boolean().describe("When true, GET /proposals/{proposalId}/interview has the transcript"),
    })
    .nullable(),
  verification: z.object({
    location: z
      .looseObject({
        status: z.string().describe('e.g. "PASSED"'),
        method: z.string().nullable().describe('e.g. "GPS"'),
        checkedAt: isoTimestamp.nullable(),
      })
      .nullable(),
    identity: z.object({ verified: z.boolean() }),
  }),
  openLabel: z
    .looseObject({
      score: z.number().describe("0–100"),
      passed: z.boolean().describe("score of 70 or more"),
      labelType: z.string().nullable().describe("Label type the assessment tested"),
      completedAt: isoTimestamp.nullable(),
    })
    .nullable()
    .describe("Labeling assessment (Open Label) result; null when none"),
  contract: z
    .looseObject({ id: z.string(), status: z.string() })
    .nullable()
    .describe("Contract created by a completed hire; null before hire"),
});
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;

/** Sanitized AI-interview transcript. */
export const interviewSchema = z.object({
  proposalId: z.string(),
  interviewId: z.string(),
  score: z.number().nullable(),
  summary: z.string().nullable(),
  messages: z
    .array(
      z.object({
        id: z.string(),
        role: z.enum(["interviewer", "candidate"]),
        content: z.string().describe('Sanitized; an empty transcript reads "Interview completed."'),
        sentAt: isoTimestamp,
      }),
    )
    .describe("Oldest first"),
});

export const hireMilestoneInputSchema = z
  .object({
    name: z.string().trim().max(200).optional().describe("Short milestone name"),
    description: z.string().trim().max(10_000).optional().describe("What the trainer delivers"),
    amount: z.number().positive().max(1_000_000).describe("Milestone amount in USD"),
    dueDate: z.string().trim().min(1).optional().describe("Due date, e.g. 2026-07-01"),
  })
  .refine((m) => Boolean(m.name?.length || m.description?.length), {
    message: "Give the milestone a name or a description",
    path: ["name"],
  });
