import { JOB_UPDATE_KEYS, operations } from "@opentrain-ai/contract";
import { Option, type Command } from "commander";
import { fieldsHelp } from "./jobs/fields.js";
import { MONEY_COMMANDS } from "./money.js";
import type { CommandSpec } from "./types.js";

const sandboxSecret = () =>
  new Option("--sandbox-secret <secret>", "Sandbox test-helper secret (default: $OPENTRAIN_SANDBOX_SECRET)");

/** Repeatable string option: every occurrence is kept, in order. */
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Import formats `jobs draft create --format` takes (plain text has its own flags). */
const IMPORT_FORMATS = ["schema_org_job_posting", "indeed_xml", "hr_xml", "opentrain_canonical"];

const SET_HELP =
  "Values are parsed by the field's type: numbers (15, 0.05, $18), enums in any case (intermediate,\n" +
  "entry-level), lists comma-separated (languages=German,French) or JSON, budgetRange as min-max\n" +
  "(15-20) or JSON, and null clears a field. --patch-file takes a JSON object such as\n" +
  '{"experienceLevel": "EXPERT", "pricePerHour": 18}; --set-file reads one value from a file.\n' +
  "Later sources win: --patch-file, then --set-file, then --set.";

/** `--set`, `--set-file` and `--patch-file` of the two job PATCH commands. */
function patchOptions(cmd: Command): void {
  cmd
    .addOption(
      new Option("--set <key=value>", "Set one field, typed by the field catalog below (repeatable)").argParser(
        collect,
      ),
    )
    .addOption(
      new Option(
        "--set-file <key=path>",
        'Set one field from a file\'s contents ("-" for stdin) (repeatable)',
      ).argParser(collect),
    )
    .option("--patch-file <path>", 'JSON object of fields to set ("-" for stdin)');
}

/** Every hand-written command. Operations whose command path is listed here skip the generic builder. */
export const BESPOKE_COMMANDS: CommandSpec[] = [
  {
    path: ["auth", "register"],
    summary: "Register a new anonymous agent account and save its credentials",
    description:
      "Creates an unclaimed employer account (POST /api/agent/identity) and saves its token, claim token and base URL " +
      "to the shared credentials file. Refuses when the file already holds credentials, unless --force.",
    op: operations.agentAuthRegister,
    bind: { exclude: ["identity_type"] },
    setup: (cmd) => cmd.option("--force", "Replace saved credentials with the new account"),
    examples: ['opentrain auth register --agent-name "Claude Code" --org-name "Acme Labs"'],
    load: () => import("./auth/register.js"),
  },
  {
    path: ["auth", "claim"],
    summary: "Start the claim ceremony: a human takes ownership of the account",
    description:
      "Emails the human a verification link (POST /api/agent/identity/claim) and prints the link and the 6-digit code to relay to them.",
    op: operations.agentAuthClaim,
    bind: { optional: ["claim_token"] },
    examples: ["opentrain auth claim --email owner@example.com"],
    load: () => import("./auth/claim.js"),
  },
  {
    path: ["auth", "claim-status"],
    summary: "Check (or wait for) the claim; saves the post-claim token",
    description:
      "Polls POST /api/agent/oauth/token. Without --wait: one check (exit 10 while pending). With --wait: polls until the " +
      "human completes the claim or the timeout passes. On success the new token replaces the saved one and the claim token is dropped.",
    setup: (cmd) =>
      cmd
        .option("--wait", "Poll until the claim completes")
        .addOption(
          new Option("--timeout <seconds>", "Give up waiting after this many seconds").default(undefined, "1800"),
        )
        .option("--claim-token <token>", "Claim token (default: the saved one)"),
    examples: ["opentrain auth claim-status --wait"],
    load: () => import("./auth/claim-status.js"),
  },
  {
    path: ["auth", "login"],
    summary: "Save an existing API token after checking it",
    description:
      "Verifies the token with GET /auth/me, then saves it and the base URL. Without --api-key the token is read from stdin when stdin is not a terminal.",
    setup: (cmd) =>
      cmd
        .option("--api-key <token>", "The ot_pat_ token to save (alias: --token)")
        .addOption(new Option("--token <token>").hideHelp()),
    examples: ["opentrain auth login --api-key ot_pat_...", "echo $TOKEN | opentrain auth login"],
    load: () => import("./auth/login.js"),
  },
  {
    path: ["auth", "status"],
    summary: "Show who the configured token belongs to",
    load: () => import("./auth/status.js"),
  },
  {
    path: ["auth", "logout"],
    summary: "Delete the saved credentials (the token stays valid)",
    load: () => import("./auth/logout.js"),
  },
  {
    path: ["whoami"],
    summary: "Show the authenticated user, account, claim state and token scopes",
    description: "Wraps GET /api/public/v1/auth/me.",
    load: () => import("./auth/status.js"),
  },
  {
    path: ["jobs", "draft", "create"],
    summary: "Create an unpublished job draft from a description or an import file",
    description:
      "Parses a plain-text job description (--description, --text, --description-file, or piped stdin) or an import " +
      "file (--canonical-file, --import-file) into a DRAFT job; never publishes. The answer says whether the draft is " +
      "ready to publish and turns each missing field into a question for your human, followed by the exact " +
      '"opentrain jobs draft update" command that answers it.\n\n' +
      "--import-file infers the format: .xml or XML content is indeed_xml unless the root element is an HR-XML " +
      'PositionOpening (hr_xml); JSON with "@type": "JobPosting" is schema_org_job_posting. --format overrides it.',
    op: operations.jobDraftsCreate,
    bind: { exclude: ["rawJobDescription", "source", "format", "job", "jsonLd", "xml"] },
    setup: (cmd) =>
      cmd
        .option("--description <text>", "The job description or project brief, plain text (alias: --text)")
        .addOption(new Option("--text <text>").hideHelp())
        .option("--description-file <path>", 'Read the description from a file ("-" for stdin)')
        .option("--title <title>", "Title: put first in a plain-text description, or set on the --canonical-file job")
        .option(
          "--canonical-file <path>",
          "Import an OpenTrain canonical job (JSON object, format opentrain_canonical)",
        )
        .option("--import-file <path>", "Import a schema.org JobPosting (JSON-LD), Indeed XML or HR-XML file")
        .addOption(
          new Option("--format <format>", "Format of --import-file (default: inferred)").choices(IMPORT_FORMATS),
        ),
    examples: [
      "opentrain jobs draft create --description-file brief.txt --idempotency-key brief-v1",
      'opentrain jobs draft create --title "German Audio Transcription" --description "Transcribe 200 hours of calls, $15/hour."',
      "cat brief.txt | opentrain jobs draft create",
      "opentrain jobs draft create --import-file posting.jsonld",
      "opentrain jobs draft create --canonical-file job.json --external-id ats-4411",
    ],
    load: () => import("./jobs/draft-create.js"),
  },
  {
    path: ["jobs", "draft", "update"],
    summary: "Answer a draft's questions: set fields on an unpublished draft",
    description:
      "Sets fields on a DRAFT job (PATCH /job-drafts/{jobId}) and prints the refreshed report: ready to publish or " +
      'not, and the questions still open. Never publishes; use "opentrain jobs publish".',
    op: operations.jobDraftsUpdate,
    bind: { exclude: JOB_UPDATE_KEYS },
    setup: (cmd) => {
      patchOptions(cmd);
      cmd.addHelpText("after", `\n${SET_HELP}\n\nFields:\n${fieldsHelp()}`);
    },
    examples: [
      "opentrain jobs draft update job_123 --set experienceLevel=INTERMEDIATE --set pricePerHour=18",
      "opentrain jobs draft update job_123 --set languages=German,French --set budgetRange=15-20",
      "opentrain jobs draft update job_123 --patch-file answers.json",
    ],
    load: () => import("./jobs/draft-update.js"),
  },
  {
    path: ["jobs", "update-published"],
    summary: "Edit a live (OPEN) job; every edit is moderated again",
    description:
      'Sets fields on an OPEN job (PATCH /jobs/{jobId}); same fields and value syntax as "opentrain jobs draft ' +
      'update" (see its --help). If moderation blocks the edit, the edit is still saved, the job goes back to DRAFT, ' +
      "and the command prints the reasons and what to fix, exiting with 7 (conflict).",
    op: operations.jobsUpdate,
    bind: { exclude: JOB_UPDATE_KEYS },
    setup: (cmd) => {
      patchOptions(cmd);
      cmd.addHelpText("after", `\n${SET_HELP}\n`);
    },
    examples: ['opentrain jobs update-published job_123 --set pricePerHour=20 --set projectDuration="8 weeks"'],
    load: () => import("./jobs/update-published.js"),
  },
  {
    path: ["jobs", "publish"],
    summary: "Publish a draft live on the marketplace",
    description:
      "Validates the draft, applies the daily publish cap and moderation, then sets the job OPEN and prints its URL. " +
      "Publishing an open job changes nothing (already published). When the draft is not ready, the open questions " +
      "are printed; when moderation blocks it, the reasons and what to fix.",
    op: operations.jobsPublish,
    examples: ["opentrain jobs publish job_123"],
    load: () => import("./jobs/publish.js"),
  },
  {
    path: ["jobs", "close"],
    summary: "Close (archive) a job",
    description:
      "Removes the job from the marketplace and stops new proposals (ARCHIVED); running contracts are untouched. " +
      "Closing a closed job changes nothing.",
    op: operations.jobsClose,
    examples: ["opentrain jobs close job_123"],
    load: () => import("./jobs/close.js"),
  },
  {
    path: ["jobs", "list"],
    summary: "List your own jobs, drafts included, newest first",
    description:
      "Your account's jobs with their status and proposal counts (GET /jobs/mine). When there are more, the command " +
      "for the next page is printed.",
    op: operations.jobsMine,
    examples: ["opentrain jobs list --status DRAFT", "opentrain jobs list --limit 10"],
    load: () => import("./jobs/list.js"),
  },
  {
    path: ["jobs", "search"],
    summary: "Search the public job marketplace (no token needed)",
    description:
      "Free text over open jobs' titles and descriptions, with filters: --category (exact, any case), --language " +
      "(e.g. Spanish), --country (code, e.g. US) and --pay-type. Useful to calibrate rates before drafting.",
    op: operations.jobsSearch,
    bind: { noPositional: true },
    setup: (cmd) => cmd.argument("[query...]", "Search words"),
    examples: [
      "opentrain jobs search audio transcription --language German",
      "opentrain jobs search --pay-type PAY_PER_LABEL",
    ],
    load: () => import("./jobs/search.js"),
  },
  {
    path: ["jobs", "invite"],
    summary: "Invite an AI trainer to one of your published jobs",
    description:
      "Creates an invited proposal for the trainer (POST /jobs/{jobId}/invites). Inviting the same trainer again " +
      "changes nothing and says so.",
    op: operations.jobsInvite,
    examples: ["opentrain jobs invite job_123 usr_456"],
    load: () => import("./jobs/invite.js"),
  },
  {
    path: ["proposals", "list"],
    summary: "List the proposals (candidates) on one of your jobs",
    description:
      "A table of the job's proposals, newest first: NAME (masked), STATUS, BID (with its unit), INTERVIEW (AI " +
      "interview score, 0–100), MATCH (resume match, 0–1) and ID. When there are more, the command for the next " +
      "page is printed.",
    op: operations.jobsListProposals,
    examples: ["opentrain proposals list job_123", "opentrain proposals list job_123 --status shortlisted --limit 10"],
    load: () => import("./proposals/list.js"),
  },
  {
    path: ["proposals", "get"],
    summary: "Read one proposal in depth (with --interview: the AI-interview transcript)",
    description:
      "Status, bid, masked candidate, interview and match scores, the interview summary, verification, labeling " +
      "assessment and cover note. --interview also reads GET /proposals/{proposalId}/interview and prints the " +
      "transcript (with --json: {proposal, interview}).",
    op: operations.proposalsGet,
    setup: (cmd) => cmd.option("--interview", "Also print the sanitized AI-interview transcript"),
    examples: ["opentrain proposals get prop_123 --interview"],
    load: () => import("./proposals/get.js"),
  },
  {
    path: ["freelancers", "get"],
    summary: "Read a masked AI trainer profile",
    description:
      "Title, bio, rate, stats, skills, languages, experience, education and reviews, by user id or profile slug. " +
      "Names are first name + last initial; contact details are never shown.",
    op: operations.freelancersGet,
    examples: ["opentrain freelancers get usr_456", "opentrain freelancers get ana-p"],
    load: () => import("./freelancers/get.js"),
  },
  {
    path: ["messages", "list"],
    summary: "List your conversations, most recent activity first",
    description:
      "One row per conversation: ID, WITH (the masked trainer), ABOUT (proposal or job), UNREAD, UPDATED and the " +
      "last message. --filter proposal keeps pre-hire threads, job post-hire ones.",
    op: operations.messagesList,
    bind: { exclude: ["conversationId", "direction"] },
    examples: ["opentrain messages list --filter proposal", "opentrain messages list --unread-only"],
    load: () => import("./messages/list.js"),
  },
  {
    path: ["messages", "unread"],
    summary: "List the conversations with unread messages",
    description: 'Same as "opentrain messages list --unread-only".',
    op: operations.messagesList,
    bind: { exclude: ["conversationId", "direction", "unreadOnly"] },
    examples: ["opentrain messages unread"],
    load: () => import("./messages/unread.js"),
  },
  {
    path: ["messages", "read"],
    summary: "Read one conversation's messages, oldest first",
    description:
      "Prints the page of messages oldest first as [time] Name: text. --direction older (the default) pages back " +
      "in time, newer pages forward; keep the same direction with --cursor. Reading marks messages read.",
    op: operations.messagesList,
    bind: { exclude: ["filter", "unreadOnly"] },
    examples: ["opentrain messages read conv_123", "opentrain messages read conv_123 --limit 50"],
    load: () => import("./messages/read.js"),
  },
  {
    path: ["messages", "send"],
    summary: "Send a plain-text message into an existing conversation",
    description:
      'The text is the second argument, --content (alias --text, --message) or --content-file ("-" for stdin). ' +
      'Never creates a conversation: start a pre-hire one with "opentrain messages start-proposal-thread". ' +
      "Not idempotent: a retry can post twice.",
    op: operations.messagesSend,
    examples: [
      'opentrain messages send conv_123 "Hi Ana, could you start on Monday?"',
      "opentrain messages send conv_123 --content-file reply.txt",
    ],
    load: () => import("./messages/send.js"),
  },
  {
    path: ["messages", "start-proposal-thread"],
    summary: "Start (or fetch) the pre-hire conversation for a proposal",
    description:
      "Get-or-create of the employer–candidate thread; prints its conversation id. The candidate can write once " +
      "you have sent the first message.",
    op: operations.proposalsStartConversation,
    examples: ["opentrain messages start-proposal-thread prop_123"],
    load: () => import("./messages/start-proposal-thread.js"),
  },
  ...MONEY_COMMANDS,
  {
    path: ["updates", "poll"],
    summary: "Poll the account's event feed (--follow keeps printing events as they come)",
    description:
      "One page of GET /updates: a line per event (id, time, type, the ids it carries), oldest first, and the " +
      "cursor to pass next time. Without --cursor the feed starts at the beginning of the account's history. " +
      "--follow keeps polling (back to back while more are waiting, then every --interval seconds) and prints " +
      "events as they arrive until Ctrl-C, then prints the cursor to resume from; with --json it prints one JSON " +
      "event per line. Events the token's read scopes do not cover are skipped.",
    op: operations.updatesPoll,
    setup: (cmd) =>
      cmd
        .option("--follow", "Keep polling and print events as they arrive (Ctrl-C to stop)")
        .addOption(new Option("--interval <seconds>", "Seconds between polls with --follow (default 2)")),
    examples: [
      "opentrain updates poll",
      "opentrain updates poll --cursor 1042 --limit 200",
      "opentrain updates poll --follow",
      "opentrain updates poll --follow --json --cursor 1042 | jq .type",
    ],
    load: () => import("./updates/poll.js"),
  },
  {
    path: ["webhooks", "listen"],
    summary: "Forward the account's events to a local URL as signed webhook deliveries (local development)",
    description:
      "Follows the account's events through GET /updates — no public URL and no subscription needed — and POSTs " +
      "each one to --forward-to exactly like a webhook delivery (same headers and body), signed with a local " +
      "whsec_ secret printed at start (or --secret, to keep the one your app is configured with). Starts with the " +
      "events that happen from now on unless --cursor says where to start. One attempt per event, no retries; " +
      "each request and its answer are printed. Ctrl-C stops it.",
    setup: (cmd) =>
      cmd
        .option("--forward-to <url>", "Local URL that receives the deliveries (required)")
        .addOption(
          new Option("--events <types>", "Only these event types (repeatable, or comma-separated)").argParser(collect),
        )
        .option("--secret <secret>", "Signing secret to use instead of a new one")
        .option("--cursor <id>", "Start after this event id instead of now (0 replays the whole feed)")
        .addOption(new Option("--interval <seconds>", "Seconds between polls (default 2)")),
    examples: [
      "opentrain webhooks listen --forward-to http://localhost:3000/webhooks/opentrain",
      "opentrain webhooks listen --forward-to http://localhost:3000/hooks --events proposal.received,message.received",
    ],
    load: () => import("./webhooks/listen.js"),
  },
  {
    path: ["sandbox", "clock", "advance"],
    summary: "Move the sandbox's virtual clock forward",
    description:
      "Moves the clock forward and runs everything that became due (expiries, simulated trainers, webhook retries). " +
      "The duration is a number of seconds or a number followed by s, m, h or d.",
    setup: (cmd) => cmd.argument("<duration>", "e.g. 72h, 30m, 90s, 2d or 3600").addOption(sandboxSecret()),
    examples: ["opentrain sandbox clock advance 72h"],
    load: () => import("./sandbox/clock-advance.js"),
  },
  {
    path: ["sandbox", "tokens", "create"],
    summary: "Mint a token as the human (any scope)",
    description:
      "Does what a human does in Settings → API keys. The account defaults to the one of the saved token (GET /auth/me).",
    setup: (cmd) =>
      cmd
        .addOption(
          new Option("--scopes <list>", "Scopes to grant (repeatable, or comma-separated) (required)").argParser(
            (v: string, prev: string[] | undefined) => [
              ...(prev ?? []),
              ...v
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            ],
          ),
        )
        .option("--name <name>", "Token label")
        .option("--account-id <id>", "Account to mint for (default: the saved token's account)")
        .addOption(sandboxSecret()),
    examples: ["opentrain sandbox tokens create --scopes payments:write,webhooks:manage --name ci"],
    load: () => import("./sandbox/tokens-create.js"),
  },
  {
    path: ["sandbox", "features", "set"],
    summary: "Turn feature flags on or off for an account",
    description: "Each pair is <flag>=on|off (or true|false). The account defaults to the saved token's account.",
    setup: (cmd) =>
      cmd
        .argument("<flag=on|off...>", "Feature flag settings")
        .option("--account-id <id>", "Account to change (default: the saved token's account)")
        .addOption(sandboxSecret()),
    examples: ["opentrain sandbox features set public_api_hiring=off public_api_team=on"],
    load: () => import("./sandbox/features-set.js"),
  },
  {
    path: ["sandbox", "trainers", "list"],
    summary: "List the sandbox AI trainers",
    description:
      "The simulated trainer pool with unmasked user ids (names stay masked): ID, NAME, STATUS, LEVEL, RATE, " +
      'LANGUAGES and LABEL TYPES. Invite one with "opentrain jobs invite <jobId> <id>".',
    op: operations.sandboxTrainersList,
    setup: (cmd) => cmd.addOption(sandboxSecret()),
    examples: ["opentrain sandbox trainers list --limit 50"],
    load: () => import("./sandbox/trainers-list.js"),
  },
  {
    path: ["sandbox", "approvals", "confirm"],
    summary: "Confirm an approval as the human (the action is carried out)",
    description:
      "Does what a signed-in human does on the approval page: the hire, funding, release or contract end runs now. " +
      "Hires and fundings need --payment-source credits or card; a hire's first milestone can be edited with " +
      "--milestone-name, --milestone-description, --milestone-amount and --milestone-due-date (your values win). " +
      "A declined card (402) exits 6 and credits that do not cover the charge exit 7; the approval stays pending.",
    op: operations.sandboxApprovalsConfirm,
    setup: (cmd) => cmd.addOption(sandboxSecret()),
    examples: [
      "opentrain sandbox approvals confirm apr_123 --payment-source credits",
      "opentrain sandbox approvals confirm apr_123 --payment-source card --milestone-amount 250",
    ],
    load: () => import("./sandbox/approvals-confirm.js"),
  },
  {
    path: ["sandbox", "approvals", "decline"],
    summary: "Decline an approval as the human (nothing is carried out)",
    description: "Does what declining on the approval page does; the agent sees the approval as declined.",
    op: operations.sandboxApprovalsDecline,
    setup: (cmd) => cmd.addOption(sandboxSecret()),
    examples: ["opentrain sandbox approvals decline apr_123"],
    load: () => import("./sandbox/approvals-decline.js"),
  },
  {
    path: ["sandbox", "milestones", "request-payout"],
    summary: "Request payout on a funded milestone as the trainer",
    description:
      "The trainer marks the funded work complete: the milestone stays ACTIVE_FUNDED with pendingApproval true and " +
      "the employer gets payment.pending. Asking again changes nothing.",
    op: operations.sandboxMilestonesRequestPayout,
    setup: (cmd) => cmd.addOption(sandboxSecret()),
    examples: ["opentrain sandbox milestones request-payout mst_123"],
    load: () => import("./sandbox/milestones-request-payout.js"),
  },
  {
    path: ["sandbox", "top-ups", "complete"],
    summary: "Pay a top-up's checkout as the human",
    description:
      "Does what paying on the checkout page does: the credits are added at once. The card defaults to " +
      "4242 4242 4242 4242; 4000 0000 0000 0002 is declined (exit 6, the top-up stays pending). Paying a paid " +
      "top-up again changes nothing; an expired one exits 7.",
    op: operations.sandboxTopUpsComplete,
    setup: (cmd) => cmd.addOption(sandboxSecret()),
    examples: [
      "opentrain sandbox top-ups complete tu_123",
      'opentrain sandbox top-ups complete tu_123 --card "4000 0000 0000 0002"',
    ],
    load: () => import("./sandbox/top-ups-complete.js"),
  },
  {
    path: ["sandbox", "payment-methods", "add"],
    summary: "Save a card for the account as the human",
    description:
      "Does what adding a card on the billing page does: hires and milestone funding can then be paid by card. " +
      "The account defaults to the saved token's (GET /auth/me); the card to 4242 4242 4242 4242. " +
      "4000 0000 0000 0002 is declined (exit 6); 4000 0000 0000 0341 is saved but every charge to it is declined.",
    op: operations.sandboxPaymentMethodsAdd,
    bind: { optional: ["accountId"] },
    setup: (cmd) => cmd.addOption(sandboxSecret()),
    examples: [
      "opentrain sandbox payment-methods add",
      "opentrain sandbox payment-methods add acc_123 --card 4000000000000341",
    ],
    load: () => import("./sandbox/payment-methods-add.js"),
  },
  {
    path: ["version"],
    summary: "Print the CLI version",
    load: async () => ({
      run: async (ctx) => {
        const { cliVersion } = await import("../version.js");
        if (ctx.json) ctx.printJson({ version: cliVersion() });
        else ctx.io.println(cliVersion());
      },
    }),
  },
];
