/**
 * Detectors for personal contact details in free text (spec 30 §0.4, spec 10 §14). They are
 * deliberately aggressive: a redacted non-contact number costs little, a leaked phone number
 * is a privacy breach and lets hiring move off the platform. Shared by sanitizeText (redacts)
 * and findContactDetails (reports kinds, for the messaging content policy).
 */

export type ContactDetailKind = "email" | "phone" | "contact_link" | "social_handle" | "url";

export interface Detector {
  kind: ContactDetailKind;
  /** Global regex; a match is a candidate. */
  pattern: RegExp;
  /** Text that replaces a confirmed match. */
  marker: string;
  /** Optional second check on a candidate (e.g. digit counts of a phone number). */
  confirm?: (match: string) => boolean;
  /** Trailing characters of a match to keep outside the redaction (sentence punctuation). */
  keepTrailing?: RegExp;
}

export const MARKERS = {
  email: "[email redacted]",
  phone: "[phone redacted]",
  link: "[link redacted]",
  contact: "[contact redacted]",
  handle: "[handle redacted]",
  name: "[name redacted]",
} as const;

/** Invisible characters people (and bots) put inside addresses to slip past filters. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** NFKC (fullwidth digits and letters become ASCII) and invisible characters removed. */
export function normalizeForScan(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "");
}

/** Characters of a URL after its host (stops at whitespace, quotes, brackets and markers). */
const URL_TAIL = "[^\\s<>\"'`{}|\\\\^\\[\\]]*";
const TRAILING_PUNCT = /[.,;:!?)\]}'"]+$/;

/** Schemes that open a call or chat (mailto:, tel:, skype:, whatsapp:, …). */
const CONTACT_SCHEME = new RegExp(
  String.raw`\b(?:mailto|tel|callto|sms|smsto|skype|whatsapp|viber|tg|facetime|facetime-audio|signal|sgnl|weixin|line|kik|fb-messenger|imessage|xmpp|sip):` +
    String.raw`\/{0,2}[^\s<>"']+`,
  "giu",
);

/** Hosts of messaging, calling, scheduling and social-profile services (with or without a scheme). */
const CONTACT_HOSTS = [
  String.raw`wa\.me`,
  String.raw`(?:api|chat|web)\.whatsapp\.com`,
  String.raw`whatsapp\.com`,
  String.raw`t\.me`,
  String.raw`telegram\.(?:me|org|dog)`,
  String.raw`m\.me`,
  String.raw`(?:www\.)?messenger\.com`,
  String.raw`signal\.(?:me|group)`,
  String.raw`discord\.gg`,
  String.raw`discord(?:app)?\.com`,
  String.raw`line\.me`,
  String.raw`viber\.(?:com|me)`,
  String.raw`kik\.me`,
  String.raw`(?:join\.)?skype\.com`,
  String.raw`(?:www\.)?snapchat\.com`,
  String.raw`(?:[a-z]{2,3}\.)?linkedin\.com`,
  String.raw`lnkd\.in`,
  String.raw`(?:www\.|m\.)?facebook\.com`,
  String.raw`fb\.(?:com|me)`,
  String.raw`(?:www\.)?instagram\.com`,
  String.raw`instagr\.am`,
  String.raw`(?:www\.|mobile\.)?twitter\.com`,
  String.raw`x\.com`,
  String.raw`(?:www\.|vm\.)?tiktok\.com`,
  String.raw`threads\.net`,
  String.raw`bsky\.app`,
  String.raw`(?:www\.)?github\.com`,
  String.raw`(?:www\.)?gitlab\.com`,
  String.raw`calendly\.com`,
  String.raw`cal\.com`,
  String.raw`(?:[\w-]+\.)?zoom\.us`,
  String.raw`meet\.google\.com`,
  String.raw`teams\.microsoft\.com`,
  String.raw`(?:weixin\.qq|wechat)\.com`,
  String.raw`(?:www\.)?youtube\.com`,
  String.raw`linktr\.ee`,
  String.raw`(?:www\.)?upwork\.com`,
  String.raw`(?:www\.)?fiverr\.com`,
  String.raw`(?:www\.)?behance\.net`,
  String.raw`(?:www\.)?dribbble\.com`,
];
const CONTACT_HOST = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.-])(?:https?:\/\/)?(?:${CONTACT_HOSTS.join("|")})(?![\p{L}\p{N}_-])(?:[/?#]${URL_TAIL})?`,
  "giu",
);

/** Any other web address written with a scheme or `www.`. Bare domains are left alone (tool names such as Segments.ai). */
const WEB_URL = new RegExp(String.raw`\b(?:(?:https?|ftp):\/\/|www\.)${URL_TAIL}`, "giu");

/** `ana@host`, `ana[at]host[dot]com`, `ana (at) host (dot) com`. */
const AT = String.raw`(?:@|\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*)`;
/**
 * Where a local part may start: not inside a word, and an all-digit local part not right after
 * digits and a separator, so "+1 555 010 4477 at work dot com" stays one phone number.
 */
const LOCAL_START = String.raw`(?<![\p{L}\p{N}._%+'-])(?:(?=[\p{N}._%+'-]*\p{L})|(?<!\d[ \t\u00A0.()/–—-]{1,3}))`;
/** A domain starts with a label holding a letter (so an address never swallows the digits of a phone). */
const DOMAIN_START = String.raw`(?=[\p{N}_-]*\p{L})`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?`;
/**
 * Further domain labels. A plain dot takes no spaces, so "ana@host.com. Next" stops at the
 * address; after a spaced-out "[dot]" the label needs a letter, as the first one does.
 */
const MORE_LABELS = String.raw`(?:\.${LABEL}|(?:\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+)${DOMAIN_START}${LABEL})*`;
const EMAIL = new RegExp(
  String.raw`${LOCAL_START}[\p{L}\p{N}._%+'-]*[\p{L}\p{N}_%+'-]${AT}${DOMAIN_START}${LABEL}${MORE_LABELS}`,
  "giu",
);
/** `ana @ host.com` (spaced: needs a dotted domain, so "ping @ana" stays a handle). */
const SPACED_EMAIL = new RegExp(
  String.raw`${LOCAL_START}[\p{L}\p{N}._%+'-]*[\p{L}\p{N}_%+'-]\s+@\s+${DOMAIN_START}${LABEL}(?:\.${LABEL})+`,
  "giu",
);
/** `ana at host dot com` (spelled out; needs the spelled "dot" so "worked at Acme" stays). */
const SPELLED_EMAIL = new RegExp(
  String.raw`${LOCAL_START}(?:[\p{L}\p{N}_%+-]+\s+dot\s+)*[\p{L}\p{N}._%+-]+\s+at\s+${DOMAIN_START}${LABEL}(?:(?:\.|\s+dot\s+${DOMAIN_START})${LABEL})*\s+dot\s+[\p{L}]{2,}\b`,
  "giu",
);

/** "Telegram: ada_w", "skype id - live:ada", "WeChat ID: ada123", "Discord: ada#1234". */
const LABELLED_HANDLE = new RegExp(
  String.raw`\b(?:telegram|whats\s?app|skype|discord|insta(?:gram)?|ig|twitter|snap(?:chat)?|we\s?chat|weixin|wx|kik|viber|facebook|fb|linked\s?in|tiktok|threads|line\s?id|signal\s?(?:id|number|username))` +
    String.raw`\s*(?:id|handle|user(?:name)?|name|number|no\.?|#)?\s*(?:[:=]|-\s|is\s|me\s(?:at|on)\s)\s*@?[\p{L}\p{N}_.#:+-]{2,}`,
  "giu",
);

/** `@ada_w` (not the middle of an address: emails are redacted first). */
const HANDLE = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,40}[A-Za-z0-9_])?/gu;

/**
 * A run of digits with phone separators: `+44 20 7946 0958`, `(555) 010-4477`, `0049 30 901820`,
 * `555.010.4477`, `5 5 5 0 1 0 4 4 7 7`. Confirmed by its digit count (see isPhoneLike).
 */
const PHONE = /(?<!\d)(?:\(\s?)?\+?[ \t]?\(?\d(?:[ \t\u00A0.\-–—()/]{0,3}\d)+\)?(?!\d)/gu;

const YEAR = /^(?:19|20)\d\d$/;

/** True when a digit run is a phone (or card, or account) number rather than a year, date or count. */
export function isPhoneLike(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  const international = /^[\s(]*(?:\+|00)/.test(candidate);
  const separated = /[^\d]/.test(candidate.trim().replace(/^\+/, ""));
  if (international) return digits.length >= 7;
  if (digits.length < 7) return false;
  const groups = candidate.split(/[^\d]+/).filter((g) => g.length > 0);
  // Year lists and ranges: 2019-2021, 2018 2019 2020.
  if (groups.every((g) => YEAR.test(g))) return false;
  // Calendar dates written with one separator: 2024-03-15, 15.03.2024, 03/15/2024.
  const ymd = /^((?:19|20)\d\d)([-./])(\d{1,2})\2(\d{1,2})$/.exec(candidate.trim());
  if (ymd && Number(ymd[3]) >= 1 && Number(ymd[3]) <= 12 && Number(ymd[4]) >= 1 && Number(ymd[4]) <= 31) return false;
  const dmy = /^(\d{1,2})([-./])(\d{1,2})\2((?:19|20)\d\d)$/.exec(candidate.trim());
  if (dmy && Number(dmy[1]) >= 1 && Number(dmy[1]) <= 31 && Number(dmy[3]) >= 1 && Number(dmy[3]) <= 31) return false;
  // A plain run without separators: a phone from 8 digits (Singapore mobiles have 8), or 7 with a
  // trunk 0; a 7-digit count such as 1000000 stays readable.
  return separated || digits.length >= 8 || digits.startsWith("0");
}

/** In redaction order: links first (they contain @ and digits), then addresses, numbers and handles. */
export const DETECTORS: readonly Detector[] = [
  { kind: "contact_link", pattern: CONTACT_SCHEME, marker: MARKERS.link, keepTrailing: TRAILING_PUNCT },
  { kind: "contact_link", pattern: CONTACT_HOST, marker: MARKERS.link, keepTrailing: TRAILING_PUNCT },
  { kind: "url", pattern: WEB_URL, marker: MARKERS.link, keepTrailing: TRAILING_PUNCT },
  { kind: "email", pattern: EMAIL, marker: MARKERS.email },
  { kind: "email", pattern: SPACED_EMAIL, marker: MARKERS.email },
  { kind: "email", pattern: SPELLED_EMAIL, marker: MARKERS.email },
  { kind: "phone", pattern: PHONE, marker: MARKERS.phone, confirm: isPhoneLike },
  { kind: "social_handle", pattern: LABELLED_HANDLE, marker: MARKERS.contact, keepTrailing: /[.,;!?)]+$/ },
  { kind: "social_handle", pattern: HANDLE, marker: MARKERS.handle, keepTrailing: /\.+$/ },
];

/** Runs one detector over `text`, replacing confirmed matches; returns the new text and whether it changed. */
export function redactWith(text: string, d: Detector): { text: string; found: boolean } {
  let found = false;
  const out = text.replace(d.pattern, (match) => {
    let body = match;
    let tail = "";
    if (d.keepTrailing) {
      const t = d.keepTrailing.exec(body);
      if (t && t.index > 0) {
        tail = body.slice(t.index);
        body = body.slice(0, t.index);
      }
    }
    if (d.confirm && !d.confirm(body)) return match;
    found = true;
    // Keep the whitespace a phone candidate may have swallowed at its edges.
    const lead = /^\s*/.exec(body)![0];
    return lead + d.marker + tail;
  });
  return { text: out, found };
}
