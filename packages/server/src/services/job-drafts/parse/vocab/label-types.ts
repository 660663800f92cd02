/**
 * Label types (annotation task types). `name` is the display value stored in `labelTypes`; `patterns` are
 * regular-expression sources matched against the lower-cased, accent-folded text at word boundaries.
 * Order matters only for overlapping phrases: an earlier entry claims the span ("3d bounding boxes" is a
 * cuboid, not a bounding box).
 */
export interface LabelTypeEntry {
  name: string;
  patterns: readonly string[];
  /** Task families used for the category and the generated title. */
  family: "shape" | "text" | "audio" | "genai" | "collection" | "generic" | "document" | "video";
  /** Phrase used in a generated title ("German Audio Transcription"). */
  titleWord: string;
}

export const LABEL_TYPES: readonly LabelTypeEntry[] = [
  {
    name: "3D Cuboid",
    patterns: ["3d cuboids?", "cuboids?", "3d (?:bounding )?box(?:es)?"],
    family: "shape",
    titleWord: "3D Cuboid Annotation",
  },
  {
    name: "Bounding Box",
    patterns: [
      "bounding[- ]?box(?:es|ing)?",
      "bbox(?:es)?",
      "2d box(?:es)?",
      "box annotations?",
      "draw(?:ing)? (?:tight )?boxes",
    ],
    family: "shape",
    titleWord: "Bounding Box Annotation",
  },
  {
    name: "Polygon",
    patterns: ["polygons?", "polygonal", "poligonos?", "polygone"],
    family: "shape",
    titleWord: "Polygon Annotation",
  },
  {
    name: "Polyline",
    patterns: ["polylines?", "polylinien", "polilineas?", "lane (?:lines|markings?)"],
    family: "shape",
    titleWord: "Polyline Annotation",
  },
  {
    name: "Segmentation",
    patterns: [
      "(?:semantic |instance |panoptic |image |pixel[- ]level |pixel[- ]wise )?segmentation",
      "segmentation masks?",
      "pixel[- ]level (?:masks?|labels?|annotation)",
      "(?:to |and |please |will |you |we )segment(?! ?\\.ai)",
      "(?<=(?:^|[\\n.!?:;•*-])\\s{0,3})segment(?:ing)?(?! ?\\.ai)(?= )",
      "segmentacion",
      "segmentierung",
    ],
    family: "shape",
    titleWord: "Segmentation",
  },
  {
    name: "Keypoints",
    patterns: [
      "key[- ]?points?",
      "landmarks? annotation",
      "facial landmarks?",
      "pose estimation",
      "skeleton annotation",
    ],
    family: "shape",
    titleWord: "Keypoint Annotation",
  },
  {
    name: "Object Tracking",
    patterns: [
      "object tracking",
      "(?:pedestrian|vehicle|person|people|player|multi-object|video|mot) tracking",
      "track (?:every|each|all|the)? ?(?:objects?|persons?|people|pedestrians|vehicles|players|cars)",
    ],
    family: "video",
    titleWord: "Object Tracking",
  },
  {
    name: "Named Entity Recognition",
    patterns: [
      "ner",
      "named[- ]entit(?:y|ies)",
      "entity (?:recognition|tagging|extraction|annotation|labell?ing)",
      "entit(?:y|ies) (?:such as|like)",
      "entidades nombradas",
      "entites nommees",
      "entidades nomeadas",
      "entita nominate",
    ],
    family: "text",
    titleWord: "Named Entity Annotation",
  },
  {
    name: "Sentiment Analysis",
    patterns: ["sentiment", "sentimiento", "sentimento", "stimmung"],
    family: "text",
    titleWord: "Sentiment Annotation",
  },
  {
    name: "Transcription",
    patterns: ["transcri(?!pts?(?![\\p{L}]))[\\p{L}]*", "speech[- ]to[- ]text", "type out", "verbatim"],
    family: "audio",
    titleWord: "Transcription",
  },
  {
    name: "Translation",
    patterns: ["translat(?:e|es|ion|ions|ing|ors?)", "traduc[\\p{L}]*", "ubersetz[\\p{L}]*", "localization review"],
    family: "text",
    titleWord: "Translation",
  },
  {
    name: "Speaker Diarization",
    patterns: [
      "diari[sz]ation",
      "diari[sz]e",
      "speaker (?:labels?|turns?|identification|segmentation|changes?)",
      "speaker a ?/ ?speaker b",
    ],
    family: "audio",
    titleWord: "Speaker Diarization",
  },
  {
    name: "Captioning",
    patterns: ["captions?", "captioning", "image descriptions?", "alt[- ]text"],
    family: "generic",
    titleWord: "Captioning",
  },
  {
    name: "RLHF",
    patterns: ["rlhf", "reinforcement learning from human feedback", "human feedback"],
    family: "genai",
    titleWord: "RLHF",
  },
  {
    name: "SFT",
    patterns: [
      "sft",
      "supervised fine[- ]?tuning",
      "fine[- ]?tuning data",
      "prompt[/-]response pairs?",
      "demonstration data",
    ],
    family: "genai",
    titleWord: "SFT Data Writing",
  },
  {
    name: "Red Teaming",
    patterns: ["red[- ]?team(?:ing|ers?)?", "adversarial prompts?", "jailbreak(?:s|ing)?"],
    family: "genai",
    titleWord: "Red Teaming",
  },
  {
    name: "Preference Ranking",
    patterns: [
      "preference (?:ranking|data|labell?ing|judg(?:e)?ments?)",
      "pairwise (?:comparisons?|ranking)",
      "side[- ]by[- ]side",
      "(?:rank|ranking|compare|comparing) (?:[\\p{L}-]+ ){0,4}(?:responses?|answers?|outputs?|completions?|replies)",
      "responses? ranking",
      "(?:choose|pick|select) the better (?:one|response|answer|output)",
      "which of (?:the )?two (?:[\\p{L}-]+ )?(?:answers?|responses?|outputs?) is better",
    ],
    family: "genai",
    titleWord: "Preference Ranking",
  },
  {
    name: "Prompt Writing",
    patterns: [
      "prompt writing",
      "(?:write|writing|create|creating|author|authoring|craft|crafting) (?:(?!adversarial)[\\p{L}-]+ ){0,3}(?:prompts?|questions?|problems?)(?![/-]response)",
      "problem writers?",
      "prompt (?:writers?|creation|engineers?)",
    ],
    family: "genai",
    titleWord: "Prompt Writing",
  },
  {
    name: "Response Evaluation",
    patterns: [
      "(?:rate|rating|evaluate|evaluating|evaluation of|grade|grading|review|reviewing|assess|assessing|judge|judging|verify|verifying|score|scoring) (?:[\\p{L}-]+ ){0,4}(?:responses?|replies|reply|answers?|outputs?|completions?|generations|solutions|proofs)",
      "(?:conversation|response|output|answer|llm|chatbot|model) (?:quality )?evaluat(?:ion|ors?)",
      "(?:ai|model|llm)[- ]generated (?:[\\p{L}-]+ )?(?:code|text|answers?|responses?|solutions|proofs|content)",
    ],
    family: "genai",
    titleWord: "Response Evaluation",
  },
  {
    name: "Content Moderation",
    patterns: ["content moderation", "moderation", "moderating", "moderators?", "hate speech", "nsfw"],
    family: "generic",
    titleWord: "Content Moderation",
  },
  {
    name: "Search Relevance",
    patterns: [
      "search relevance",
      "relevance (?:rating|judg(?:e)?ments?|assessment|evaluation|labell?ing)",
      "how relevant",
      "(?:judge|rate|rating|assess)[\\p{L}]* (?:[\\p{L}-]+ ){0,4}(?:for )?relevance",
    ],
    family: "text",
    titleWord: "Search Relevance Rating",
  },
  {
    name: "Fact Checking",
    patterns: ["fact[- ]?check(?:ing|ers?)?"],
    family: "genai",
    titleWord: "Fact Checking",
  },
  {
    name: "Summarization",
    patterns: [
      "summari[sz](?:e|es|ation|ing|ations)",
      "(?:write|writing|create|produce|draft)\\s+(?:[\\p{L}\\d-]+\\s+){0,2}(?:summaries|abstracts)",
      "summaries of",
      "plain-language abstracts",
    ],
    family: "text",
    titleWord: "Summarization",
  },
  {
    name: "Data Extraction",
    patterns: [
      "ocr",
      "data extraction",
      "extract(?:ion|ing)? (?:[\\p{L}-]+ ){0,3}(?:fields?|data|values?|information|entities)",
      "key[- ]value (?:pairs?|extraction)",
    ],
    family: "document",
    titleWord: "Data Extraction",
  },
  {
    name: "Data Collection",
    patterns: [
      "data collection",
      "voice recordings? (?:task|project|collection)",
      "voice recording",
      "record (?:yourself|your (?:voice|own)|short|audio|speech|\\d)",
      "records? (?:about |around |approximately )?(?:\\d+|one|an?) (?:hours?|minutes?|sentences|phrases|clips)",
      "(?:collect|collecting) (?:[\\p{L}-]+ ){0,2}(?:speech|audio|voice|photos|images|videos|selfies|recordings)",
      "take (?:\\d+ )?(?:[\\p{L}-]+ ){0,2}?(?:photos|pictures|selfies|videos)",
      "(?:photo|image|video|selfie|speech|audio|voice) (?:data )?collection",
    ],
    family: "collection",
    titleWord: "Data Collection",
  },
  {
    name: "Classification",
    patterns: [
      "classif(?:y|ies|ied|ying|ication|ications)",
      "categori[sz](?:e|es|ed|ing|ation)",
      "clasific[\\p{L}]*",
      "classer",
      "assign(?:ing)? (?:[\\p{L}\\d-]+ ){0,3}(?:codes|labels|categories|tags|classes)",
      "classificazione",
      "klassifi[\\p{L}]*",
      "intent (?:labell?ing|tagging|detection)",
      "(?:with )?one of \\d+ (?:categories|intents|topics|labels|classes)",
    ],
    family: "text",
    titleWord: "Classification",
  },
];

/**
 * Generic labelling verbs. When no specific label type is found, a generic labelling instruction becomes
 * "Classification" (or "Data Extraction" on documents such as receipts and forms).
 */
export const GENERIC_LABELING_PATTERN =
  "(?:label|labels|labeling|labelling|tag|tags|tagging|annotate|annotating|etiquetar|annotieren|markieren|annoter|etichettare)";
