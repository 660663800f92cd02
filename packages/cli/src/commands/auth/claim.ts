import { operations } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { checkRequired, collectInput, validateInput } from "../../flags.js";
import { duration } from "../../output/format.js";
import { renderPairs } from "../../output/table.js";
import type { RunFn } from "../types.js";

const op = operations.agentAuthClaim;

/** The claim token from `--claim-token` or the credentials file, or a usage error. */
export async function claimTokenFrom(ctx: Parameters<RunFn>[0], flag: unknown): Promise<string> {
  if (typeof flag === "string" && flag.trim() !== "") return flag.trim();
  const settings = await ctx.settings();
  const saved = settings.credentials?.claimToken;
  if (saved) return saved;
  throw new UsageError(
    'no claim token: none is saved (the account may already be claimed, see "opentrain auth status"). ' +
      'Run "opentrain auth register" first, or pass --claim-token <token>',
  );
}

/** `opentrain auth claim --email <address>`: starts the claim ceremony. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, input, ["claim_token"]);
  input.claim_token = await claimTokenFrom(ctx, input.claim_token);
  validateInput(binding, op, input);

  const client = await ctx.clientFor(op);
  const res = await client.call(op, input as { claim_token: string; email: string });
  const next = "opentrain auth claim-status --wait";
  if (ctx.json) {
    ctx.printJson({ ...res, next: [next] });
    return;
  }
  const io = ctx.io;
  io.println(`Claim started for ${String(input.email)}. Give your human both the link and the code:`);
  io.println();
  io.out(
    renderPairs(
      [
        ["Link", res.verification_uri],
        ["Code", io.bold(res.user_code)],
      ],
      "  ",
    ),
  );
  io.println();
  io.out(
    renderPairs([
      ["Expires in", duration(res.expires_in)],
      [
        "Email sent",
        res.email_sent
          ? "yes (it can land in spam; show the link and code directly too)"
          : "no — show the link and code to the human directly",
      ],
    ]),
  );
  io.println();
  io.println("The human opens the link, signs in or signs up with exactly that email, and enters the code.");
  io.println(`Next step: ${next}`);
};
