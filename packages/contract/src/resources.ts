/**
 * Resources are the join key between surfaces: an MCP toolset, a CLI namespace, an SDK
 * namespace. Order here is display order.
 */
export const RESOURCES = {
  agentAuth: { title: "Agent auth", toolset: "auth", description: "Anonymous registration and the claim ceremony" },
  auth: { title: "Auth", toolset: "auth", description: "Who the token belongs to" },
  jobDrafts: { title: "Job drafts", toolset: "jobs", description: "Drafting jobs from descriptions" },
  jobs: { title: "Jobs", toolset: "jobs", description: "Publishing and the public marketplace" },
  proposals: { title: "Proposals", toolset: "proposals", description: "Candidates, interviews and hiring" },
  freelancers: { title: "Freelancers", toolset: "proposals", description: "AI trainer profiles" },
  messages: { title: "Messages", toolset: "messages", description: "Conversations with AI trainers" },
  contracts: { title: "Contracts", toolset: "contracts", description: "Contracts and their budgets" },
  milestones: { title: "Milestones", toolset: "contracts", description: "Escrow milestones" },
  approvals: { title: "Approvals", toolset: "contracts", description: "Human co-sign approvals" },
  credits: { title: "Credits", toolset: "credits", description: "Prepaid credit balance and ledger" },
  updates: { title: "Updates", toolset: "updates", description: "The account event feed" },
  webhooks: { title: "Webhooks", toolset: "webhooks", description: "Signed event deliveries" },
  tokens: { title: "Tokens", toolset: "tokens", description: "API token management" },
  team: { title: "Team", toolset: "team", description: "Employer team members and invites" },
  payments: { title: "Payments", toolset: "payments", description: "Pending payments" },
  sandbox: { title: "Sandbox", toolset: "sandbox", description: "Sandbox test helpers (sandbox mode only)" },
} as const;
export type ResourceId = keyof typeof RESOURCES;

/** MCP toolsets, in the order `--toolsets` documents them. */
export const TOOLSETS = [
  "auth",
  "jobs",
  "proposals",
  "messages",
  "contracts",
  "credits",
  "updates",
  "webhooks",
  "tokens",
  "team",
  "payments",
] as const;
export type Toolset = (typeof TOOLSETS)[number];
