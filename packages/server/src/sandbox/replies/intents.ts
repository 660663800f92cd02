/** What an employer's message asks a simulated trainer about. */
export type ReplyIntent = "availability" | "rate" | "experience" | "sample_work" | "tools" | "timezone" | "generic";

/** Tool names people mention when they ask which software a trainer knows. */
const TOOL_NAMES = String.raw`cvat|label\s?studio|labelbox|label\s?img|prodigy|doccano|supervisely|v7|encord|scale\s?ai|segments\.ai|roboflow|brat|superannotate|dataloop|sagemaker\s+ground\s?truth|appen|toloka|excel|google\s+sheets|praat|elan|audacity`;

const PATTERNS: readonly (readonly [Exclude<ReplyIntent, "generic">, RegExp])[] = [
  [
    "availability",
    /\b(?:avail\w*|start(?:ing)?\b|begin|when\s+can\s+you|how\s+soon|hours?\s+(?:per|a|each)\s+week|hours\s*\/\s*week|capacity|full[\s-]time|part[\s-]time|commit\w*|deadline|free\s+to|bandwidth|asap|how\s+many\s+hours)/i,
  ],
  [
    "rate",
    /\b(?:rates?|pric\w*|pay|budget|cost|charge|per\s+hour|hourly|per\s+label|per\s+item|bid|fee|how\s+much|compensation|usd)\b|\$/i,
  ],
  [
    "experience",
    /\b(?:experience\w*|background|worked\s+on|done\s+(?:this|something\s+similar|similar)|past\s+projects?|years\s+of|familiar\s+with|qualif\w*|expertise|skills?|about\s+yourself|why\s+(?:are\s+you|should)|track\s+record)\b/i,
  ],
  [
    "sample_work",
    /\b(?:samples?|examples?|portfolio|test\s+(?:task|batch|run|set)|trial|paid\s+test|demo|show\s+(?:me|us)|previous\s+work|work\s+samples?|pilot|quality|accuracy)\b/i,
  ],
  ["tools", new RegExp(String.raw`\b(?:tools?|tooling|software|platforms?|${TOOL_NAMES})\b`, "i")],
  [
    "timezone",
    /\b(?:time\s?zones?|utc|gmt|est|pst|cet|overlap|based\s+in|located|location|where\s+are\s+you|where\s+do\s+you\s+live|which\s+country|what\s+country|working\s+hours|local\s+time)\b/i,
  ],
];

/**
 * The intents of an employer's message(s), in the order the text first raises them; `generic`
 * alone when nothing specific is asked.
 */
export function detectIntents(text: string): ReplyIntent[] {
  const found: { intent: ReplyIntent; at: number }[] = [];
  for (const [intent, re] of PATTERNS) {
    const m = re.exec(text);
    if (m) found.push({ intent, at: m.index });
  }
  if (found.length === 0) return ["generic"];
  return found.sort((a, b) => a.at - b.at).map((f) => f.intent);
}
