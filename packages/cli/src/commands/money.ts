import { operations } from "@opentrain-ai/contract";
import { Option } from "commander";
import type { CommandSpec } from "./types.js";

/**
 * The money commands: hiring, contracts, milestones, approvals, credits and pending payments.
 * None of them moves money: hire, fund, approve and end only create a pending approval whose link
 * a signed-in human opens, and a top-up only creates a checkout link.
 */
export const MONEY_COMMANDS: CommandSpec[] = [
  {
    path: ["proposals", "hire"],
    summary: "Request a hire; a signed-in human confirms it (nothing is charged before)",
    description:
      "Records a pending hire approval (POST /proposals/{proposalId}/hire) and prints its link for a signed-in human, " +
      "who reviews the trainer and the first milestone, may edit it, picks card or credit balance and confirms. On " +
      "confirm the contract starts and the first milestone is funded: its amount into escrow plus a 10% marketplace " +
      "fee and the $9.95 contract fee. Repeating the same terms returns the same approval; new terms replace it.\n\n" +
      "The first milestone needs --amount and a --name or --description (or the whole object as --milestone JSON).",
    op: operations.proposalsHire,
    bind: { exclude: ["milestone"] },
    setup: (cmd) =>
      cmd
        .option("--amount <usd>", "First milestone amount in USD, e.g. 300 (alias: --amount-usd)")
        .addOption(new Option("--amount-usd <usd>").hideHelp())
        .option("--name <name>", "First milestone name")
        .option("--description <text>", "What the trainer delivers in the first milestone")
        .option("--description-file <path>", 'Read --description from a file ("-" for stdin)')
        .option("--due-date <date>", "First milestone due date, e.g. 2026-07-01")
        .option(
          "--milestone <json>",
          'The whole first milestone as JSON: {"name", "description", "amount", "dueDate"}',
        ),
    examples: [
      'opentrain proposals hire prop_123 --amount 300 --name "Pilot batch: 20 hours"',
      "opentrain approvals get apr_456 --wait",
    ],
    load: () => import("./proposals/hire.js"),
  },
  {
    path: ["contracts", "list"],
    summary: "List your contracts (hired AI trainers), newest first",
    description:
      "One row per contract: ID, TRAINER (masked), TITLE, STATUS, RATE, MILESTONES (count by status) and STARTED.",
    op: operations.contractsList,
    examples: ["opentrain contracts list --status active", "opentrain contracts list --job-id job_123"],
    load: () => import("./contracts/list.js"),
  },
  {
    path: ["contracts", "get"],
    summary: "Read one contract: milestones, escrow and the budget state",
    description:
      "The contract, the masked trainer, the post-hire conversation, every milestone with its amount and status, and " +
      "the budget snapshot (funded, consumed, remaining; OK, LOW or DEPLETED), amounts in dollars.",
    op: operations.contractsGet,
    examples: ["opentrain contracts get ctr_123"],
    load: () => import("./contracts/get.js"),
  },
  {
    path: ["contracts", "end"],
    summary: "End a contract (a human confirms when funded escrow is at stake)",
    description:
      "Without funded milestones the contract ends at once. With funded escrow nothing happens yet: the command prints " +
      "a pending approval's link for a signed-in human.",
    op: operations.contractsEnd,
    examples: ["opentrain contracts end ctr_123"],
    load: () => import("./contracts/end.js"),
  },
  {
    path: ["milestones", "create"],
    summary: "Add an unfunded milestone to a contract (no money moves)",
    description:
      "Fixed-price contracts need --amount-usd; hourly and per-label contracts need --volume (hours or labels; the " +
      'amount is rate × volume). Fund it afterwards with "opentrain milestones fund".',
    op: operations.milestonesCreate,
    examples: [
      'opentrain milestones create ctr_123 --description "Second batch" --volume 20',
      'opentrain milestones create ctr_123 --description "Final report" --amount-usd 250 --due-date 2026-08-01',
    ],
    load: () => import("./milestones/create.js"),
  },
  {
    path: ["milestones", "fund"],
    summary: "Request escrow funding for a milestone; a signed-in human confirms it",
    description:
      "Records a pending funding approval and prints its link. On confirm the milestone amount plus the 10% " +
      "marketplace fee is charged to the card or credits the human picks, and the milestone becomes ACTIVE_FUNDED.",
    op: operations.milestonesFund,
    examples: ["opentrain milestones fund ms_123"],
    load: () => import("./milestones/fund.js"),
  },
  {
    path: ["milestones", "approve"],
    summary: "Request payment release of a funded milestone; a signed-in human confirms it",
    description:
      "Records a pending release approval and prints its link. On confirm the escrow is paid out to the trainer.",
    op: operations.milestonesApprove,
    examples: ["opentrain milestones approve ms_123"],
    load: () => import("./milestones/approve.js"),
  },
  {
    path: ["approvals", "get"],
    summary: "Check (or wait for) a human co-sign approval",
    description:
      "Prints the approval's status: pending (with the link the human opens), confirmed (with what it did), declined " +
      "or expired. --wait polls until it is no longer pending or --timeout passes. Exit code: 0 confirmed, 10 still " +
      "pending (also when --wait times out), 11 declined or expired.",
    op: operations.approvalsGet,
    setup: (cmd) =>
      cmd
        .option("--wait", "Poll until the human confirms or declines, or the approval expires")
        .option("--timeout <seconds>", "Give up waiting after this many seconds (default: 1800)")
        .option("--interval <seconds>", "Seconds between checks while waiting (default: 5)"),
    examples: ["opentrain approvals get apr_123", "opentrain approvals get apr_123 --wait --timeout 3600"],
    load: () => import("./approvals/get.js"),
  },
  {
    path: ["credits", "show"],
    summary: "Show the prepaid credit balance in dollars",
    description: "Available and reserved (escrow holds) balance, their total, and the latest ledger entries.",
    op: operations.creditsGet,
    load: () => import("./credits/show.js"),
  },
  {
    path: ["credits", "ledger"],
    summary: "Page through the credit ledger, newest first",
    description:
      "One row per entry: CREATED, TYPE (TOP_UP, HOLD, HOLD_RELEASE, CAPTURE, REFUND, ADJUSTMENT), AMOUNT (its " +
      "effect on the available balance; a CAPTURE's on the reserved one), LINKED TO (top-up, milestone, contract, " +
      "proposal), NOTE and ID.",
    op: operations.creditsLedger,
    examples: ["opentrain credits ledger --limit 20"],
    load: () => import("./credits/ledger.js"),
  },
  {
    path: ["credits", "top-up"],
    summary: "Start a credit top-up: prints the checkout link a human pays",
    description:
      "Creates a pending top-up of $10 to $10,000 and prints its checkout link (valid ~24 h); nothing is charged " +
      "until a signed-in human pays it.",
    op: operations.creditsCreateTopUp,
    examples: ["opentrain credits top-up 500"],
    load: () => import("./credits/top-up.js"),
  },
  {
    path: ["credits", "top-up-status"],
    summary: "Check whether a top-up was paid",
    description: "PENDING (not paid yet), COMPLETED (credits added), EXPIRED or CANCELED (nothing charged).",
    op: operations.creditsGetTopUp,
    examples: ["opentrain credits top-up-status tu_123"],
    load: () => import("./credits/top-up-status.js"),
  },
  {
    path: ["payments", "pending"],
    summary: "List payments still in flight (read-only)",
    description: "Funding invoices the account still owes and payouts in flight; never releases or changes anything.",
    op: operations.paymentsPending,
    load: () => import("./payments/pending.js"),
  },
];
