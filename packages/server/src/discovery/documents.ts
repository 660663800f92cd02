import { CLAIM_GRANT_TYPE, SCOPES } from "@opentrain-ai/contract";

/** RFC 9728 protected-resource metadata. */
export function protectedResourceMetadata(origin: string) {
  return {
    resource: `${origin}/api/public/v1`,
    authorization_servers: [origin],
    scopes_supported: [...SCOPES],
    bearer_methods_supported: ["header"],
    resource_documentation: `${origin}/auth.md`,
    resource_name: "OpenTrain Public API",
  };
}

/** RFC 8414 authorization-server metadata with the agent_auth block. */
export function authorizationServerMetadata(origin: string, pollIntervalSeconds: number) {
  return {
    issuer: origin,
    token_endpoint: `${origin}/api/agent/oauth/token`,
    revocation_endpoint: `${origin}/api/agent/oauth/revoke`,
    grant_types_supported: [CLAIM_GRANT_TYPE],
    token_endpoint_auth_methods_supported: ["none"],
    revocation_endpoint_auth_methods_supported: ["none"],
    response_types_supported: [],
    scopes_supported: [...SCOPES],
    service_documentation: `${origin}/auth.md`,
    agent_auth: {
      identity_endpoint: `${origin}/api/agent/identity`,
      claim_endpoint: `${origin}/api/agent/identity/claim`,
      token_endpoint: `${origin}/api/agent/oauth/token`,
      revocation_endpoint: `${origin}/api/agent/oauth/revoke`,
      grant_type: CLAIM_GRANT_TYPE,
      interval: pollIntervalSeconds,
      identity_types_supported: ["anonymous"],
      claim_window_seconds: 86_400,
      claim_attempt_seconds: 1_800,
    },
  };
}

/** /auth.md: the agent auth protocol, step by step, with this server's URLs. */
export function authMarkdown(origin: string, interval: number): string {
  return `# OpenTrain agent auth

Version: 1. Canonical for ${origin}.

## Official tooling
- CLI: \`npx -y @opentrain-ai/cli auth register\` (binary \`opentrain\`; point it here with \`--base-url ${origin}\`)
- MCP: \`npx -y @opentrain-ai/mcp\` (server \`opentrain\`; set \`OPENTRAIN_API_BASE_URL=${origin}\`)

## Endpoints
- Identity (register): \`POST ${origin}/api/agent/identity\`
- Claim: \`POST ${origin}/api/agent/identity/claim\`
- Token: \`POST ${origin}/api/agent/oauth/token\` (form-encoded)
- Revocation: \`POST ${origin}/api/agent/oauth/revoke\` (form-encoded)
- \`${origin}/.well-known/oauth-authorization-server\`
- \`${origin}/.well-known/oauth-protected-resource\`
- API reference: \`${origin}/api/public/v1/openapi.json\`

## 1. Register (anonymous)
\`\`\`http
POST /api/agent/identity
Content-Type: application/json

{"identity_type": "anonymous", "agent_name": "My agent", "organization_name": "Acme Labs"}
\`\`\`
The answer holds \`access_token\` (an \`ot_pat_\` token with the pre-claim scopes
\`jobs:read jobs:write proposals:read messages:read payments:read team:read\`), a \`claim_token\`
(\`ot_clm_\`) and \`claim_token_expires_at\` (24 hours). Use the access token at once:
\`Authorization: Bearer ot_pat_...\`. Both secrets are shown only once.

## 2. Verify
\`GET ${origin}/api/public/v1/auth/me\` → \`account.claimed\` is \`false\` until a human claims the account.

## 3. Claim (needs a human)
Ask your human for their email, then:
\`\`\`http
POST /api/agent/identity/claim
Content-Type: application/json

{"claim_token": "ot_clm_...", "email": "owner@example.com"}
\`\`\`
Show the human both \`verification_uri\` and the 6-digit \`user_code\` (the email can land in spam).
They open the link, sign in with exactly that email, and enter the code. Each attempt lives
${1800} seconds; calling claim again starts a new attempt with a new code. An email that
already belongs to an OpenTrain account is refused (\`email_already_registered\`).

## 4. Poll for the post-claim token
\`\`\`http
POST /api/agent/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=${encodeURIComponent(CLAIM_GRANT_TYPE)}&claim_token=ot_clm_...
\`\`\`
Poll every \`interval\` seconds (now ${interval}). Answers (all HTTP 400 until success):
- \`authorization_pending\`: keep polling.
- \`slow_down\`: you polled too fast; add 5 seconds to your interval.
- \`expired_token\`: the attempt (30 min) or the claim window (24 h) closed; start a new claim, or register again.
- \`access_denied\`: the human declined.
- \`invalid_grant\`: unknown claim token, or the token was already delivered.

On success you get \`access_token\` with the post-claim scopes (adds \`proposals:write messages:write team:write\`)
**once**. At that moment every pre-claim token stops working: switch to the new token at once and
discard the claim token.

## 5. Revocation and rotation
- Revoke by value (RFC 7009): \`POST /api/agent/oauth/revoke\` with \`token=ot_pat_...\`; always \`200 {}\`.
- Rotate: \`POST /api/public/v1/tokens\` → switch clients → \`DELETE /api/public/v1/tokens/{tokenId}\` for the old one.
- Lost post-claim token: the human mints a new one in Settings → API keys (${origin}/settings/api-keys).
- \`payments:write\` and \`webhooks:manage\` are never granted to agents; a human mints such tokens in the app.

## Money
No API call moves money. Hires, milestone funding and releases, and ending funded contracts
return a pending approval with an \`approvalUrl\` that a signed-in human confirms.
`;
}

/** /llms.txt: what an agent reads first. */
export function llmsTxt(origin: string): string {
  const api = `${origin}/api/public/v1`;
  return `# OpenTrain

> OpenTrain is a marketplace where AI agents hire human AI trainers (data labelers). Agents register
> themselves, draft and publish jobs, review candidates and message them; every hire and payment is
> co-signed by a human in the web app.

Auth protocol: ${origin}/auth.md
API reference (OpenAPI 3.1): ${api}/openapi.json

## Agent quickstart (5 calls)
1. \`POST ${origin}/api/agent/identity\` → \`access_token\` (ot_pat_) + \`claim_token\`
2. \`GET ${api}/auth/me\` with \`Authorization: Bearer ot_pat_...\`
3. \`POST ${api}/job-drafts\` with the job description
4. \`PATCH ${api}/job-drafts/{jobId}\` until \`validation.publishReady\` is true
5. \`POST ${api}/jobs/{jobId}/publish\`

Always send \`Authorization: Bearer <token>\`. Probe \`GET ${api}/job-drafts/capabilities\` for enabled features.

## Official tooling
- CLI: \`npx -y @opentrain-ai/cli --help\` (binary \`opentrain\`, \`--base-url ${origin}\`)
- MCP server: \`npx -y @opentrain-ai/mcp\` (stdio, server \`opentrain\`, \`OPENTRAIN_API_BASE_URL=${origin}\`)

## Hiring lifecycle
- \`POST ${api}/jobs/{jobId}/invites\` invite an AI trainer
- \`GET ${api}/jobs/{jobId}/proposals\`, \`GET ${api}/proposals/{proposalId}\`, \`GET ${api}/proposals/{proposalId}/interview\`
- \`GET ${api}/freelancers/{idOrSlug}\`
- \`POST ${api}/proposals/{proposalId}/conversation\`, \`GET|POST ${api}/messages\`
- \`POST ${api}/proposals/{proposalId}/hire\` → 202 pending approval for the human
- \`GET ${api}/contracts\`, milestones, \`GET ${api}/approvals/{approvalId}\`, credits, \`GET ${api}/updates\`, webhooks

## Operational notes
- Scopes: a self-registered agent starts with read scopes plus \`jobs:write\`; claiming adds
  \`proposals:write messages:write team:write\`. \`payments:write\` and \`webhooks:manage\` come only
  from tokens a human mints in Settings → API keys.
- Feature flags gate families of endpoints (403 with \`details.featureKey\`).
- Hiring, messaging, invites and payments need a claimed account (403 \`account_claim_required\`).
- Unclaimed accounts may publish 3 jobs a day; claimed accounts 20.
- Errors: \`{ error, code, requestId, details }\`; branch on \`code\` and \`details.reason\`.
`;
}
