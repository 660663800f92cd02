import { z } from "zod";
import { SCOPES } from "../scopes.js";
import { isoTimestamp } from "./common.js";

export const CLAIM_GRANT_TYPE = "urn:opentrain:agent-auth:grant-type:claim";

export const registrationSchema = z.object({
  identity_type: z.literal("anonymous"),
  registration_id: z.string(),
  access_token: z.string(),
  token_type: z.literal("bearer"),
  scopes: z.array(z.enum(SCOPES)),
  claim_token: z.string(),
  claim_token_expires_at: isoTimestamp,
  claim_endpoint: z.string(),
  token_endpoint: z.string(),
  grant_type: z.literal(CLAIM_GRANT_TYPE),
});

export const claimStartSchema = z.object({
  user_code: z.string().regex(/^\d{6}$/),
  verification_uri: z.string(),
  expires_in: z.number().int(),
  interval: z.number().int(),
  email_sent: z.boolean(),
});

export const claimTokenSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("bearer"),
  scopes: z.array(z.enum(SCOPES)),
});
