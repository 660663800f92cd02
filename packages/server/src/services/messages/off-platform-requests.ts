import { normalizeForScan } from "../privacy/contact-patterns.js";

/**
 * Requests to move contact or payment off the platform that carry no contact detail themselves
 * ("pay me via PayPal", "let's talk outside OpenTrain", "what's your WhatsApp?"). Contact details
 * proper (emails, phones, links, handles) are found by privacy/findContactDetails.
 */
export type OffPlatformRequestKind = "payment_request" | "contact_request";

/** Payment services and rails; with a payment cue in the same sentence they make a payment request. */
const PAYMENT_SERVICES = [
  String.raw`pay\s?pal`,
  String.raw`venmo`,
  String.raw`zelle`,
  String.raw`cash\s?app`,
  String.raw`payoneer`,
  String.raw`transfer\s?wise`,
  String.raw`revolut`,
  String.raw`skrill`,
  String.raw`neteller`,
  String.raw`ali\s?pay`,
  String.raw`we\s?chat\s?pay`,
  String.raw`apple\s?pay`,
  String.raw`google\s?pay`,
  String.raw`g\s?cash`,
  String.raw`m-?pesa`,
  String.raw`paytm`,
  String.raw`upi`,
  String.raw`bitcoin`,
  String.raw`btc`,
  String.raw`ethereum`,
  String.raw`eth`,
  String.raw`usdt`,
  String.raw`usdc`,
  String.raw`tether`,
  String.raw`crypto(?:currency|currencies)?`,
  String.raw`binance`,
  String.raw`coinbase`,
  String.raw`metamask`,
  String.raw`gift\s?cards?`,
];
const SERVICE = new RegExp(String.raw`\b(?:${PAYMENT_SERVICES.join("|")})\b`, "i");
/** "Wise" is also an English word: only the capitalised name right after a payment preposition or before account/transfer. */
const WISE =
  /\b(?:via|through|using|by|with|over|on|to|into|my|your)\s+Wise\b|\bWise\s+(?:account|transfer|payment|details)\b/;

/** Rails that are a payment request on their own. */
const STRONG_RAIL = new RegExp(
  [
    String.raw`\b(?:bank|wire|direct|swift|sepa|ach|interac)\s+(?:transfer|wire|deposit|payment)s?\b`,
    String.raw`\bwestern\s+union\b`,
    String.raw`\bmoney\s?gram\b`,
    String.raw`\biban\b`,
    String.raw`\bswift\s+(?:code|number)\b`,
    String.raw`\brouting\s+number\b`,
    String.raw`\bsort\s+code\b`,
    String.raw`\b(?:my|your|ur)\s+bank\s+(?:account|details|info)\b`,
    String.raw`\b(?:bank\s+account|account)\s+(?:number|details)\b`,
    String.raw`\b(?:crypto|bitcoin|btc|eth|usdt|wallet)\s+(?:wallet\s+)?address\b`,
  ].join("|"),
  "i",
);

/** A payment cue: paying, money, invoices. */
const PAYMENT_CUE =
  /\b(?:pay|pays|paid|paying|payment|payments|payout|payouts|invoice|invoicing|billing|money|funds|fee|fees|deposit|remit|send|sending|sent|transfer|transfers|wire|salary|compensat\w*|wallet)\b/i;
/** A service named as the means: "via X", "to my X", "X account". */
const MEANS_CUE = new RegExp(
  String.raw`\b(?:via|through|using|over|into|to\s+my|to\s+your|on\s+my|on\s+your|my|your|ur)\s+(?:${PAYMENT_SERVICES.join("|")})\b|\b(?:${PAYMENT_SERVICES.join("|")})\s+(?:account|address|id|handle|email|details|wallet|tag|transfer|payment)\b`,
  "i",
);

/** Paying around the platform: "pay you directly", "outside OpenTrain to avoid the fees". */
const OFF_PLATFORM_PAYMENT = new RegExp(
  [
    String.raw`\bpay\s+(?:me|you|u|him|her|them)\s+(?:directly|direct|privately|outside|off|in\s+cash|cash)\b`,
    String.raw`\b(?:pay(?:ment|ing)?|paid|invoice|money)\b[^.?!\n]{0,60}\b(?:outside|off|around|bypass(?:ing)?|without)\s+(?:of\s+)?(?:the\s+)?(?:platform|opentrain|site|app|escrow)\b`,
    String.raw`\b(?:avoid|skip|save|dodge|bypass)\w*\s+(?:the\s+)?(?:platform(?:'s)?\s+|opentrain(?:'s)?\s+|service\s+)?fees?\b`,
  ].join("|"),
  "i",
);

/** Moving the conversation elsewhere: "talk outside the platform", "add me on WhatsApp", "what's your email?". */
const MESSENGERS = String.raw`whats\s?app|telegram|skype|signal|discord|we\s?chat|viber|line|kik|instagram|insta|facebook|messenger|linked\s?in|snap\s?chat|twitter|tiktok|zoom|google\s+meet|teams`;
const CONTACT_REQUEST = new RegExp(
  [
    String.raw`\b(?:talk|chat|continue|move|contact|communicate|reach|call|text|message|email|connect|speak|discuss)\w*\b[^.?!\n]{0,40}\b(?:outside|off)\s+(?:of\s+)?(?:the\s+)?(?:platform|opentrain|app)\b`,
    String.raw`\b(?:add|message|text|call|ping|find|reach|contact|dm|msg|hit)\s+(?:me|us|you)\s+(?:up\s+)?(?:on|via|at|through|over)\s+(?:${MESSENGERS})\b`,
    String.raw`\b(?:on|via|through|over)\s+(?:${MESSENGERS})\s+(?:instead|rather)\b`,
    String.raw`\b(?:share|send|give|provide|what(?:['’]s|\s+is)|drop|tell|leave|post|need|want)\b[^.?!\n]{0,30}\b(?:your|ur|my)\s+(?:personal\s+|private\s+|direct\s+|own\s+)?(?:e-?mail(?:\s+address)?|phone(?:\s+number)?|mobile\s+(?:number|phone)|cell\s+(?:number|phone)|(?:whats\s?app|telegram|skype|signal|discord|we\s?chat|viber)(?:\s+(?:number|id|handle|username))?|contact\s+(?:details|info(?:rmation)?|number))\b`,
  ].join("|"),
  "i",
);

/** Sentences (and lines) of a text, so cues only combine within one thought. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 0);
}

/** True when the text asks to pay (or be paid) outside the platform. */
export function isOffPlatformPaymentRequest(text: string): boolean {
  const scan = normalizeForScan(text);
  if (OFF_PLATFORM_PAYMENT.test(scan)) return true;
  for (const s of sentences(scan)) {
    if (STRONG_RAIL.test(s)) return true;
    if (WISE.test(s) && PAYMENT_CUE.test(s)) return true;
    if (SERVICE.test(s) && (MEANS_CUE.test(s) || PAYMENT_CUE.test(s.replace(SERVICE, " ")))) return true;
  }
  return false;
}

/** True when the text asks to move the conversation off the platform (or for personal contact details). */
export function isOffPlatformContactRequest(text: string): boolean {
  return CONTACT_REQUEST.test(normalizeForScan(text));
}
