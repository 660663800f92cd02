import { forbidden } from "../../errors.js";
import { findContactDetails, type ContactDetailKind } from "../privacy/sanitize-text.js";
import { isOffPlatformContactRequest, isOffPlatformPaymentRequest } from "./off-platform-requests.js";

/** The two content policies of messaging, as `details.policy` names them. */
export type MessagePolicy = "off_platform_contact" | "off_platform_payment";

export interface PolicyViolation {
  policy: MessagePolicy;
  /** What was found: contact detail kinds, `contact_request` or `payment_request`. */
  detected: string[];
}

/**
 * The messaging content policy, the same for both sides of a conversation. In order:
 * 1. off_platform_contact: an email address, phone number, messaging / calling / social link or
 *    social handle (privacy/findContactDetails), or a request to move the conversation elsewhere
 *    or for personal contact details without one ("add me on WhatsApp", "what's your email?").
 *    Plain web links (a guideline document) are allowed; on read, a trainer's are redacted anyway.
 * 2. off_platform_payment: paying through a payment service or rail named in a payment context
 *    ("pay me via PayPal", "bank transfer", "send USDT to my wallet") or around the platform
 *    ("pay you directly", "outside OpenTrain to avoid the fees").
 * Returns the first violation, or null when the text may be posted.
 */
export function findPolicyViolation(content: string): PolicyViolation | null {
  const contact = findContactDetails(content).filter((k: ContactDetailKind) => k !== "url");
  if (contact.length > 0) return { policy: "off_platform_contact", detected: contact };
  if (isOffPlatformContactRequest(content)) return { policy: "off_platform_contact", detected: ["contact_request"] };
  if (isOffPlatformPaymentRequest(content)) return { policy: "off_platform_payment", detected: ["payment_request"] };
  return null;
}

const MESSAGES: Record<MessagePolicy, string> = {
  off_platform_contact:
    "Message blocked by the content policy: contact details (emails, phone numbers, messaging links or handles) and requests to continue off OpenTrain cannot be sent. Keep the conversation on the platform and remove them.",
  off_platform_payment:
    "Message blocked by the content policy: payments happen only through OpenTrain contracts and milestones, never through outside services, bank transfers or crypto. Remove the payment request.",
};

/** 403 `message_policy_blocked` with `details.policy` when the text breaks a content policy. */
export function assertContentAllowed(content: string): void {
  const violation = findPolicyViolation(content);
  if (!violation) return;
  throw forbidden(MESSAGES[violation.policy], {
    reason: "message_policy_blocked",
    policy: violation.policy,
    detected: violation.detected,
  });
}
