/**
 * Subject-matter domains (`subjectMatter`) and their cues (regular-expression sources, lower-cased,
 * accent-folded text, word boundaries). The domain with the most cue occurrences wins.
 */
export const DOMAINS: readonly { name: string; cues: readonly string[] }[] = [
  {
    name: "Medical",
    cues: [
      "medical",
      "clinical",
      "radiolog[\\p{L}]*",
      "patholog[\\p{L}]*",
      "patients?",
      "diagnos[\\p{L}]*",
      "medications?",
      "healthcare",
      "hospitals?",
      "tumou?rs?",
      "nodules?",
    ],
  },
  {
    name: "Legal",
    cues: [
      "legal",
      "court",
      "law",
      "lawyers?",
      "paralegals?",
      "contracts?",
      "juridiques?",
      "juristes?",
      "juridic[\\p{L}]*",
    ],
  },
  {
    name: "Finance",
    cues: ["financ[\\p{L}]*", "banking", "bank", "invoices?", "receipts?", "accounting", "insurance"],
  },
  {
    name: "Autonomous Driving",
    cues: [
      "dashcam",
      "autonomous",
      "self-driving",
      "vehicles?",
      "pedestrians?",
      "traffic",
      "lidar",
      "lanes?",
      "fahrspuren",
      "fahrbahnmarkierungen",
    ],
  },
  {
    name: "Retail & E-commerce",
    cues: ["retail", "e-commerce", "ecommerce", "products?", "shelf", "shelves", "supermarket", "shopping"],
  },
  { name: "Agriculture", cues: ["agricultur[\\p{L}]*", "crops?", "farms?", "weeds?", "harvest"] },
  { name: "Sports", cues: ["sports?", "football", "soccer", "basketball", "matches", "fitness"] },
  { name: "Mathematics", cues: ["math", "maths", "mathematics", "mathematical", "proofs?", "putnam", "imo"] },
  { name: "Science", cues: ["physics", "chemistry", "biology", "stem"] },
  { name: "Software Engineering", cues: ["python", "software", "code", "programming", "javascript"] },
  { name: "Customer Support", cues: ["customer[- ](?:support|service)", "call[- ]cent(?:re|er)", "support chats?"] },
  { name: "Social Media", cues: ["social media", "tweets?", "reddit", "posts"] },
  { name: "News & Media", cues: ["news", "articles?", "noticias", "podcasts?", "radio"] },
  {
    name: "Geography & Mapping",
    cues: ["satellite", "buildings?", "street signs?", "openstreetmap", "maps?", "mapping", "potholes?", "roads?"],
  },
  {
    name: "Trust & Safety",
    cues: [
      "toxic[\\p{L}]*",
      "harmful",
      "hate",
      "moderation",
      "violent",
      "trust (?:&|and) safety",
      "red[- ]team[\\p{L}]*",
    ],
  },
  { name: "Creative Writing", cues: ["fiction", "poetry", "creative writing", "stories"] },
];
