import type { DataType, JobFields } from "@opentrain-ai/contract";

/** Employers behind the seeded marketplace (sandbox only; fictional companies). */
export const SEED_EMPLOYERS = [
  { name: "Northwind Vision Labs", domain: "northwind-vision.example" },
  { name: "Cobalt Speech AI", domain: "cobalt-speech.example" },
  { name: "Lumen Health Data", domain: "lumen-health.example" },
  { name: "Atlas Geospatial", domain: "atlas-geo.example" },
  { name: "Meridian Language Works", domain: "meridian-language.example" },
  { name: "Quanta Robotics", domain: "quanta-robotics.example" },
  { name: "Helix Code Labs", domain: "helix-code.example" },
  { name: "Brightline Retail AI", domain: "brightline-retail.example" },
  { name: "Polyglot Dialogue Systems", domain: "polyglot-dialogue.example" },
  { name: "Sentinel Autonomy", domain: "sentinel-autonomy.example" },
  { name: "Aurora Document AI", domain: "aurora-docs.example" },
  { name: "Vireo Agritech", domain: "vireo-agritech.example" },
] as const;

/** Languages with a weight (how often jobs need them) and the countries they are usually hired in. */
export const SEED_LANGUAGES: readonly { name: string; weight: number; countries: string[] }[] = [
  { name: "English", weight: 30, countries: ["US", "GB", "CA", "AU", "IE", "IN", "PH", "NG"] },
  { name: "Spanish", weight: 10, countries: ["ES", "MX", "AR", "CO", "CL"] },
  { name: "German", weight: 7, countries: ["DE", "AT", "CH"] },
  { name: "French", weight: 7, countries: ["FR", "BE", "CA"] },
  { name: "Portuguese", weight: 5, countries: ["BR", "PT"] },
  { name: "Japanese", weight: 5, countries: ["JP"] },
  { name: "Hindi", weight: 4, countries: ["IN"] },
  { name: "Arabic", weight: 4, countries: ["EG", "SA", "AE", "MA"] },
  { name: "Italian", weight: 3, countries: ["IT"] },
  { name: "Korean", weight: 3, countries: ["KR"] },
  { name: "Chinese", weight: 3, countries: ["TW", "SG"] },
  { name: "Dutch", weight: 2, countries: ["NL", "BE"] },
  { name: "Polish", weight: 2, countries: ["PL"] },
  { name: "Turkish", weight: 2, countries: ["TR"] },
  { name: "Swahili", weight: 1, countries: ["KE", "TZ"] },
];

export type SeedPay =
  | { type: "PAY_PER_HOUR"; min: number; max: number; weight: number }
  | { type: "PAY_PER_LABEL"; min: number; max: number; weight: number }
  | { type: "FIXED_PRICE"; min: number; max: number; weight: number };

/** A family of similar jobs; `{lang}` and `{domain}` are filled per job. */
export interface SeedTemplate {
  dataType: DataType;
  labelTypes: string[][];
  titles: string[];
  domains: string[];
  intro: string[];
  task: string[];
  volume: { unit: NonNullable<JobFields["dataVolumeUnit"]>; min: number; max: number; step: number } | null;
  tools: string[];
  pay: SeedPay[];
  experience: [NonNullable<JobFields["experienceLevel"]>, number][];
  /** Whether the work is in a specific language (else English-only or none). */
  languageBound: boolean;
  weight: number;
}

export const SEED_TEMPLATES: SeedTemplate[] = [
  {
    dataType: "Image",
    labelTypes: [["Bounding Box"], ["Bounding Box", "Classification"]],
    titles: [
      "Bounding Box Annotation for {domain}",
      "{domain} Object Detection Labeling",
      "Draw Boxes on {domain} Images",
    ],
    domains: [
      "Dashcam Footage",
      "Warehouse Robotics",
      "Retail Shelves",
      "Drone Inspection",
      "Wildlife Cameras",
      "Traffic Cameras",
    ],
    intro: [
      "We are building an object detection model for {domain} and need careful annotators to label our image set.",
      "Our perception team is expanding a {domain} dataset and needs tight, consistent bounding boxes.",
    ],
    task: [
      "Draw a tight bounding box around every visible object of the listed classes and pick the right class for each box.",
      "Label every vehicle, pedestrian and cyclist, including partly occluded ones, following the class guide.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 5_000, max: 120_000, step: 1_000 },
    tools: ["CVAT", "Labelbox", "Label Studio", "V7"],
    pay: [
      { type: "PAY_PER_HOUR", min: 10, max: 22, weight: 3 },
      { type: "PAY_PER_LABEL", min: 0.02, max: 0.09, weight: 4 },
    ],
    experience: [
      ["ENTRY_LEVEL", 3],
      ["INTERMEDIATE", 3],
      ["ANY_EXPERIENCE_LEVEL", 2],
    ],
    languageBound: false,
    weight: 10,
  },
  {
    dataType: "Image",
    labelTypes: [["Polygon"], ["Segmentation"], ["Polygon", "Segmentation"]],
    titles: ["Image Segmentation for {domain}", "Polygon Annotation of {domain}", "Pixel-Accurate Masks for {domain}"],
    domains: ["Crop Fields", "Fashion Catalog Photos", "Construction Sites", "Kitchen Scenes", "Road Surfaces"],
    intro: [
      "We need precise polygon and mask annotation of {domain} for a segmentation model.",
      "Help us label {domain} so our segmentation model can tell every region apart.",
    ],
    task: [
      "Trace each object's outline with a polygon, keeping edges within two pixels of the true boundary.",
      "Paint segmentation masks for each class and review neighbouring regions for gaps or overlaps.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 1_000, max: 40_000, step: 500 },
    tools: ["CVAT", "Labelbox", "Segments.ai", "Supervisely"],
    pay: [
      { type: "PAY_PER_HOUR", min: 12, max: 28, weight: 4 },
      { type: "PAY_PER_LABEL", min: 0.08, max: 0.6, weight: 3 },
    ],
    experience: [
      ["INTERMEDIATE", 4],
      ["EXPERT", 1],
      ["ENTRY_LEVEL", 2],
    ],
    languageBound: false,
    weight: 7,
  },
  {
    dataType: "Video",
    labelTypes: [["Object Tracking"], ["Object Tracking", "Bounding Box"], ["Classification"]],
    titles: ["Video Object Tracking: {domain}", "{domain} Video Annotation", "Action Labeling in {domain} Clips"],
    domains: ["Sports Broadcasts", "Retail Store Cameras", "Cooking Videos", "Factory Lines", "Cycling Footage"],
    intro: [
      "We are training a video model on {domain} and need frame-accurate annotation.",
      "Our team needs reliable annotators for {domain} clips of 30 seconds to 5 minutes.",
    ],
    task: [
      "Track each person and object across frames, keeping the same ID through occlusions.",
      "Mark the start and end frame of each action and choose its label from the taxonomy.",
    ],
    volume: { unit: "HOURS_OF_RECORDING_AUDIO_VIDEO", min: 20, max: 600, step: 10 },
    tools: ["CVAT", "Encord", "V7", "Labelbox"],
    pay: [
      { type: "PAY_PER_HOUR", min: 12, max: 26, weight: 5 },
      { type: "FIXED_PRICE", min: 300, max: 2_500, weight: 1 },
    ],
    experience: [
      ["INTERMEDIATE", 3],
      ["ANY_EXPERIENCE_LEVEL", 1],
    ],
    languageBound: false,
    weight: 6,
  },
  {
    dataType: "Audio",
    labelTypes: [["Transcription"], ["Transcription", "Speaker Diarization"]],
    titles: ["{lang} Audio Transcription", "{lang} Speech Transcription for {domain}", "Verbatim {lang} Transcription"],
    domains: ["Call Centers", "Podcasts", "Medical Dictation", "Voice Assistants", "Field Interviews"],
    intro: [
      "We are collecting {lang} speech data from {domain} and need native speakers to transcribe it.",
      "Our speech recognition model needs more {lang} training data from {domain}.",
    ],
    task: [
      "Transcribe short clips verbatim, including hesitations, and tag background noise and overlapping speech.",
      "Listen to each recording, write an exact transcript and mark each speaker turn with a timestamp.",
    ],
    volume: { unit: "HOURS_OF_RECORDING_AUDIO_VIDEO", min: 20, max: 800, step: 10 },
    tools: ["Label Studio", "OTHER", "Audino"],
    pay: [
      { type: "PAY_PER_HOUR", min: 10, max: 24, weight: 6 },
      { type: "PAY_PER_LABEL", min: 0.25, max: 1.5, weight: 1 },
    ],
    experience: [
      ["ENTRY_LEVEL", 3],
      ["INTERMEDIATE", 3],
      ["ANY_EXPERIENCE_LEVEL", 1],
    ],
    languageBound: true,
    weight: 12,
  },
  {
    dataType: "Audio",
    labelTypes: [["Data Collection"]],
    titles: ["Record {lang} Voice Samples", "{lang} Speech Data Collection", "Read-Aloud Recordings in {lang}"],
    domains: ["Smart Speakers", "In-Car Assistants", "Accessibility Apps"],
    intro: [
      "We are building a {lang} voice dataset for {domain} and need speakers with clear pronunciation.",
      "Help us make {domain} work better in {lang} by recording short prompts.",
    ],
    task: [
      "Record about 300 short prompts in a quiet room with a headset microphone, following the script.",
      "Read each prompt naturally, re-record any clip with noise, and upload through the recording app.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 200, max: 1_000, step: 50 },
    tools: ["OTHER"],
    pay: [{ type: "FIXED_PRICE", min: 40, max: 250, weight: 1 }],
    experience: [["ANY_EXPERIENCE_LEVEL", 1]],
    languageBound: true,
    weight: 4,
  },
  {
    dataType: "Text",
    labelTypes: [["Sentiment Analysis"], ["Classification"], ["Sentiment Analysis", "Classification"]],
    titles: [
      "{lang} Sentiment Labeling for {domain}",
      "Classify {lang} {domain} Messages",
      "{lang} Text Classification",
    ],
    domains: ["Product Reviews", "Social Media Posts", "Support Tickets", "Survey Answers", "Chat Logs"],
    intro: [
      "We need fluent {lang} readers to label the sentiment of {domain}.",
      "Our {lang} classifier for {domain} needs a larger, cleaner training set.",
    ],
    task: [
      "Read each text and choose positive, negative, neutral or mixed, flagging sarcasm where you see it.",
      "Assign each message one of 12 intents from the guide and mark messages that fit none.",
    ],
    volume: { unit: "NUMBER_OF_WORDS", min: 50_000, max: 2_000_000, step: 10_000 },
    tools: ["Label Studio", "Prodigy", "Doccano", "Labelbox"],
    pay: [
      { type: "PAY_PER_LABEL", min: 0.01, max: 0.06, weight: 5 },
      { type: "PAY_PER_HOUR", min: 9, max: 20, weight: 3 },
    ],
    experience: [
      ["ENTRY_LEVEL", 3],
      ["INTERMEDIATE", 2],
      ["ANY_EXPERIENCE_LEVEL", 2],
    ],
    languageBound: true,
    weight: 10,
  },
  {
    dataType: "Text",
    labelTypes: [["Named Entity Recognition"], ["Named Entity Recognition", "Classification"]],
    titles: [
      "{lang} Named Entity Annotation: {domain}",
      "Entity Tagging in {lang} {domain}",
      "NER Labeling for {domain}",
    ],
    domains: ["Legal Contracts", "News Articles", "Clinical Notes", "Financial Filings", "E-commerce Listings"],
    intro: [
      "We are extracting structured data from {lang} {domain} and need entity annotation.",
      "Our information extraction model for {domain} needs high-quality {lang} entity labels.",
    ],
    task: [
      "Highlight people, organisations, places, dates and amounts, following the span rules in the guide.",
      "Tag each entity span and link repeated mentions of the same entity within a document.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 500, max: 20_000, step: 100 },
    tools: ["Prodigy", "Label Studio", "Doccano", "LightTag"],
    pay: [
      { type: "PAY_PER_HOUR", min: 14, max: 35, weight: 4 },
      { type: "PAY_PER_LABEL", min: 0.05, max: 0.4, weight: 2 },
    ],
    experience: [
      ["INTERMEDIATE", 3],
      ["EXPERT", 2],
    ],
    languageBound: true,
    weight: 7,
  },
  {
    dataType: "Text",
    labelTypes: [["Translation"], ["Translation", "Response Evaluation"]],
    titles: [
      "{lang} to English Translation Review",
      "Evaluate Machine Translation: {lang}",
      "{lang} Localization QA for {domain}",
    ],
    domains: ["Mobile Apps", "Travel Content", "Customer Support Macros", "Game Dialogue"],
    intro: [
      "We are improving machine translation between {lang} and English for {domain}.",
      "Our localization team needs bilingual reviewers for {lang} {domain}.",
    ],
    task: [
      "Rate each machine translation for accuracy and fluency, then correct the errors you find.",
      "Compare two candidate translations, pick the better one and explain why in one sentence.",
    ],
    volume: { unit: "NUMBER_OF_WORDS", min: 20_000, max: 500_000, step: 5_000 },
    tools: ["OTHER", "Label Studio"],
    pay: [
      { type: "PAY_PER_HOUR", min: 15, max: 35, weight: 4 },
      { type: "FIXED_PRICE", min: 200, max: 1_800, weight: 2 },
    ],
    experience: [
      ["INTERMEDIATE", 2],
      ["EXPERT", 2],
    ],
    languageBound: true,
    weight: 6,
  },
  {
    dataType: "Text",
    labelTypes: [["RLHF", "Response Evaluation"], ["RLHF"], ["Response Evaluation", "Prompt Writing"]],
    titles: [
      "RLHF Response Ranking for {domain}",
      "Evaluate AI Assistant Answers: {domain}",
      "Preference Data for {domain} Chatbot",
    ],
    domains: ["Personal Finance", "Travel Planning", "Cooking", "Coding Help", "Customer Service", "Health Questions"],
    intro: [
      "We are fine-tuning a conversational assistant for {domain} with human feedback.",
      "Our LLM team needs thoughtful raters to compare assistant answers about {domain}.",
    ],
    task: [
      "Compare two model answers to the same prompt, rank them and write a short justification.",
      "Rate answers for helpfulness, accuracy and safety on a 1–7 scale and rewrite the weaker answer.",
    ],
    volume: null,
    tools: ["OTHER", "Scale Rapid", "Labelbox"],
    pay: [
      { type: "PAY_PER_HOUR", min: 18, max: 55, weight: 6 },
      { type: "PAY_PER_LABEL", min: 0.5, max: 3, weight: 1 },
    ],
    experience: [
      ["INTERMEDIATE", 2],
      ["EXPERT", 3],
    ],
    languageBound: true,
    weight: 10,
  },
  {
    dataType: "Text",
    labelTypes: [["Red Teaming", "Prompt Writing"], ["Red Teaming"]],
    titles: [
      "Red Teaming an AI Assistant: {domain}",
      "Adversarial Prompt Writing for {domain}",
      "AI Safety Testing: {domain}",
    ],
    domains: ["Misinformation", "Privacy", "Financial Advice", "Medical Advice", "Jailbreak Resistance"],
    intro: [
      "We are stress-testing a language model's safeguards around {domain}.",
      "Our safety team needs creative testers to probe model behaviour on {domain}.",
    ],
    task: [
      "Write prompts that try to make the model break its guidelines and record how it responds.",
      "Document each failure with the prompt, the response and a severity rating from the rubric.",
    ],
    volume: null,
    tools: ["OTHER"],
    pay: [{ type: "PAY_PER_HOUR", min: 25, max: 70, weight: 1 }],
    experience: [["EXPERT", 1]],
    languageBound: false,
    weight: 4,
  },
  {
    dataType: "Code",
    labelTypes: [["Supervised Fine-Tuning", "Response Evaluation"], ["Supervised Fine-Tuning"]],
    titles: [
      "{domain} Code Review for LLM Training",
      "Write {domain} Solutions for Model Fine-Tuning",
      "Evaluate AI-Written {domain} Code",
    ],
    domains: ["Python", "TypeScript", "Rust", "SQL", "Java", "Go"],
    intro: [
      "We are training a coding assistant and need experienced {domain} developers.",
      "Help us build a supervised fine-tuning set of high-quality {domain} programming tasks.",
    ],
    task: [
      "Review model-written {domain} code for correctness and style, fix bugs and explain each fix.",
      "Write an idiomatic {domain} solution with tests for each task prompt and grade the model's attempt.",
    ],
    volume: null,
    tools: ["OTHER"],
    pay: [
      { type: "PAY_PER_HOUR", min: 35, max: 95, weight: 5 },
      { type: "FIXED_PRICE", min: 500, max: 4_000, weight: 1 },
    ],
    experience: [["EXPERT", 1]],
    languageBound: false,
    weight: 6,
  },
  {
    dataType: "Medical",
    labelTypes: [["Segmentation"], ["Classification"], ["Bounding Box"]],
    titles: [
      "Radiology Image Annotation: {domain}",
      "Medical Imaging Labels for {domain}",
      "Clinical Image Review: {domain}",
    ],
    domains: ["Chest X-Rays", "Dermatology Photos", "Retinal Scans", "CT Slices", "Histopathology Slides"],
    intro: [
      "We are developing a diagnostic support model on de-identified {domain}.",
      "Our clinical AI team needs licensed professionals to annotate {domain}.",
    ],
    task: [
      "Outline findings on each image and assign the diagnosis category from the protocol.",
      "Review each case, mark regions of interest and record your confidence.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 500, max: 15_000, step: 100 },
    tools: ["OTHER", "Encord", "V7"],
    pay: [
      { type: "PAY_PER_HOUR", min: 40, max: 120, weight: 4 },
      { type: "PAY_PER_LABEL", min: 0.5, max: 4, weight: 1 },
    ],
    experience: [["EXPERT", 1]],
    languageBound: false,
    weight: 4,
  },
  {
    dataType: "3D Sensor",
    labelTypes: [["Cuboid"], ["Cuboid", "Object Tracking"], ["Segmentation"]],
    titles: [
      "LiDAR Cuboid Annotation: {domain}",
      "3D Point Cloud Labeling for {domain}",
      "Sensor Fusion Annotation: {domain}",
    ],
    domains: ["Urban Driving", "Highway Driving", "Delivery Robots", "Mining Vehicles"],
    intro: [
      "We are training a 3D perception stack on {domain} LiDAR sweeps.",
      "Our autonomy team needs careful 3D annotators for {domain} scenes.",
    ],
    task: [
      "Fit a 3D cuboid to every vehicle and pedestrian in each sweep and keep IDs consistent across frames.",
      "Label point cloud segments by class and check them against the camera images.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 1_000, max: 30_000, step: 500 },
    tools: ["Segments.ai", "OTHER", "CVAT"],
    pay: [
      { type: "PAY_PER_LABEL", min: 0.1, max: 0.6, weight: 3 },
      { type: "PAY_PER_HOUR", min: 14, max: 30, weight: 2 },
    ],
    experience: [
      ["INTERMEDIATE", 3],
      ["EXPERT", 1],
    ],
    languageBound: false,
    weight: 4,
  },
  {
    dataType: "Geospatial",
    labelTypes: [["Polygon"], ["Segmentation"], ["Classification"]],
    titles: [
      "Satellite Imagery Annotation: {domain}",
      "Map {domain} from Aerial Images",
      "Geospatial Labeling of {domain}",
    ],
    domains: ["Building Footprints", "Solar Panels", "Flood Zones", "Road Networks", "Farm Parcels"],
    intro: [
      "We are mapping {domain} from high-resolution satellite imagery.",
      "Our geospatial model needs accurate labels of {domain}.",
    ],
    task: [
      "Draw polygons around each feature and tag its type, skipping cloud-covered tiles.",
      "Classify each tile and correct the model's pre-drawn outlines where they are off.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 1_000, max: 50_000, step: 500 },
    tools: ["QGIS", "OTHER", "Labelbox"],
    pay: [
      { type: "PAY_PER_HOUR", min: 12, max: 28, weight: 3 },
      { type: "PAY_PER_LABEL", min: 0.03, max: 0.3, weight: 3 },
    ],
    experience: [
      ["INTERMEDIATE", 2],
      ["ENTRY_LEVEL", 1],
    ],
    languageBound: false,
    weight: 4,
  },
  {
    dataType: "Document",
    labelTypes: [["Named Entity Recognition"], ["Classification"], ["Data Collection"]],
    titles: ["Invoice Field Extraction: {domain}", "Document Classification for {domain}", "{lang} Receipt Data Entry"],
    domains: ["Accounts Payable", "Insurance Claims", "Shipping Documents", "Tax Forms"],
    intro: [
      "We are automating {domain} and need labelled {lang} documents.",
      "Our document AI needs clean key-value labels from {domain} paperwork.",
    ],
    task: [
      "Mark each field (vendor, date, totals, line items) on scanned documents and correct the OCR text.",
      "Sort each document into its type and extract the fields listed in the guide.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 1_000, max: 40_000, step: 500 },
    tools: ["Label Studio", "OTHER", "Labelbox"],
    pay: [
      { type: "PAY_PER_LABEL", min: 0.03, max: 0.25, weight: 4 },
      { type: "PAY_PER_HOUR", min: 10, max: 20, weight: 2 },
    ],
    experience: [
      ["ENTRY_LEVEL", 3],
      ["ANY_EXPERIENCE_LEVEL", 2],
    ],
    languageBound: true,
    weight: 5,
  },
  {
    dataType: "Text",
    labelTypes: [["Content Moderation"], ["Content Moderation", "Classification"]],
    titles: ["{lang} Content Moderation Labeling", "Policy Labeling for {domain}", "Trust & Safety Review: {domain}"],
    domains: ["Marketplace Listings", "Forum Posts", "Comment Sections", "Dating Profiles"],
    intro: [
      "We are training classifiers that keep {domain} safe and need {lang} reviewers.",
      "Our trust and safety team needs consistent policy labels on {lang} {domain}.",
    ],
    task: [
      "Label each item against the policy taxonomy (spam, harassment, scams, off-topic) and flag edge cases.",
      "Decide whether each item breaks the policy and pick the closest policy section.",
    ],
    volume: { unit: "NUMBER_OF_FILES", min: 5_000, max: 200_000, step: 5_000 },
    tools: ["OTHER", "Label Studio"],
    pay: [
      { type: "PAY_PER_HOUR", min: 9, max: 20, weight: 4 },
      { type: "PAY_PER_LABEL", min: 0.01, max: 0.05, weight: 2 },
    ],
    experience: [
      ["ENTRY_LEVEL", 2],
      ["INTERMEDIATE", 2],
    ],
    languageBound: true,
    weight: 5,
  },
];

/** Sentences any listing may close with. */
export const SEED_CLOSERS = [
  "You will get a written guideline, a short paid calibration task and feedback from our QA lead in the first week.",
  "Quality is checked on a random 10% sample; annotators above 95% agreement get priority on follow-up batches.",
  "Work from anywhere on your own schedule; batches are released every Monday.",
  "Please describe similar labelling work you have done when you apply.",
  "Applicants take a short AI interview about the guidelines before the first batch.",
  "We expect steady progress and clear questions in the OpenTrain messages thread.",
];

export const SEED_WORKLOADS = [
  "10–20 hours/week",
  "About 15 hours/week",
  "20–30 hours/week",
  "Full time for two weeks",
  "Flexible, at least 5 hours/week",
];
export const SEED_DURATIONS = ["2 weeks", "4 weeks", "6 weeks", "2 months", "3 months", "Ongoing"];
