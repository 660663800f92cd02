import { EXIT_CODES, operations } from "@opentrain-ai/contract";
import { CliError } from "../../errors.js";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { duration, text } from "../../output/format.js";
import { renderPairs } from "../../output/table.js";
import type { RunFn } from "../types.js";

const op = operations.agentAuthRegister;

/** `opentrain auth register`: creates an anonymous account and saves its credentials. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input);
  validateInput(binding, op, input);

  const sdk = await ctx.sdk();
  const path = sdk.credentialsPath(ctx.env);
  if (!inv.opts.force && sdk.hasSavedCredentials(ctx.env)) {
    throw new CliError("CONFLICT", `Credentials are already saved in ${path}.`, EXIT_CODES.CONFLICT, [
      'Run "opentrain auth register --force" to replace them with a brand-new account, or "opentrain auth status" to see the saved one.',
    ]);
  }

  const { baseUrl } = await ctx.settings();
  const client = await ctx.clientWith({ baseUrl });
  const reg = await client.call(op, { identity_type: "anonymous", ...input });
  sdk.writeCredentials({ apiToken: reg.access_token, claimToken: reg.claim_token, baseUrl }, ctx.env);

  // Best effort: the account summary needs the new token's GET /auth/me.
  let account: { id: string; name: string } | undefined;
  try {
    const me = await (await ctx.clientWith({ baseUrl, token: reg.access_token })).call(operations.authMe, {});
    account = { id: me.account.id, name: me.account.organizationName };
  } catch {
    account = undefined;
  }

  const next = ["opentrain auth claim --email <address>"];
  if (ctx.json) {
    // The secrets are in the credentials file; stdout never carries them.
    ctx.printJson({
      status: "registered",
      registrationId: reg.registration_id,
      accountId: account?.id ?? null,
      organizationName: account?.name ?? null,
      scopes: reg.scopes,
      claimTokenExpiresAt: reg.claim_token_expires_at,
      baseUrl,
      credentialsPath: path,
      saved: ["apiToken", "claimToken", "baseUrl"],
      next,
    });
    return;
  }
  const io = ctx.io;
  io.println("Registered a new anonymous agent account (not yet claimed by a human).");
  io.println();
  const pairs: [string, string][] = [];
  if (account) pairs.push(["Account", `${account.name} (${account.id})`]);
  if (input.agent_name) pairs.push(["Agent name", String(input.agent_name)]);
  pairs.push(
    ["Registration", reg.registration_id],
    ["Scopes", text(reg.scopes)],
    ["Claim window", `until ${reg.claim_token_expires_at}`],
    ["Base URL", baseUrl],
    ["Saved to", `${path} (apiToken, claimToken, baseUrl)`],
  );
  io.out(renderPairs(pairs));
  io.println();
  io.println("You can draft and publish jobs right away. Hiring, messaging and payments need a human to claim");
  io.println(
    `the account within the claim window (${duration(24 * 3600)}). Next step: ask your human for their email address, then run:`,
  );
  io.println(`  ${next[0]}`);
};
