import type { DataType } from "@opentrain-ai/contract";

/**
 * What sandbox trainers are good at. The vocabulary (data types, label types, tools, subject
 * areas) is the one the seeded jobs use, so the simulator finds trainers who fit a job.
 */
export interface Specialty {
  key: string;
  weight: number;
  titles: readonly string[];
  /** How the trainer describes the work in a bio ("…with {years} years of {phrase}"). */
  phrase: string;
  dataTypes: readonly DataType[];
  labelTypes: readonly string[];
  software: readonly string[];
  subjects: readonly string[];
  skills: readonly string[];
  /** One or two sentences about the work, for bios. */
  bioLines: readonly string[];
  /** Labeling projects: `{subject}` is one of `subjects`, `{n}` a volume. */
  projects: readonly { title: string; description: string; unit: string; min: number; max: number }[];
  /** Hourly rate range in USD at INTERMEDIATE level and rate tier 1. */
  hourly: readonly [number, number];
  /** Per-label rate range in micro-dollars. */
  perLabelMicros: readonly [number, number];
  /** Work in a language other than English (translation, transcription): needs a non-English language. */
  languageWork?: boolean;
  /** Backgrounds that lead to this work (education fields and previous jobs). */
  backgrounds: readonly string[];
}

export const SPECIALTIES: readonly Specialty[] = [
  {
    key: "cv_boxes",
    weight: 12,
    titles: [
      "Computer Vision Annotator | Bounding Boxes & Keypoints",
      "Image Labeling Specialist",
      "Object Detection Annotator and QA Reviewer",
    ],
    phrase: "image annotation for object detection",
    dataTypes: ["Image"],
    labelTypes: ["Bounding Box", "Classification", "Keypoints", "Polygon"],
    software: ["CVAT", "Labelbox", "Label Studio", "V7", "Supervisely"],
    subjects: ["Retail Shelves", "Dashcam Footage", "Warehouse Robotics", "Drone Inspection", "Wildlife Cameras"],
    skills: ["Object detection", "Quality review", "Edge-case handling", "Guideline interpretation"],
    bioLines: [
      "I draw tight bounding boxes and keypoints and I am careful with occlusion and truncation rules.",
      "Most of my work is object detection: product shelves, street scenes and warehouse robots.",
      "I review other annotators' work and keep a running list of edge cases for the guideline owners.",
    ],
    projects: [
      {
        title: "Bounding boxes for {subject}",
        description: "Drew and reviewed about {n} boxes across a few dozen classes, with a consensus QA step.",
        unit: "boxes",
        min: 20,
        max: 400,
      },
      {
        title: "Keypoint annotation for {subject}",
        description: "Placed skeleton keypoints on roughly {n} images and flagged unclear poses for review.",
        unit: "images",
        min: 5,
        max: 80,
      },
    ],
    hourly: [7, 14],
    perLabelMicros: [20_000, 80_000],
    backgrounds: ["Graphic Design", "Photography", "Computer Science", "Business Administration"],
  },
  {
    key: "cv_segmentation",
    weight: 7,
    titles: ["Semantic Segmentation Annotator", "Pixel-Accurate Image Segmentation Specialist"],
    phrase: "polygon and pixel segmentation",
    dataTypes: ["Image"],
    labelTypes: ["Segmentation", "Polygon", "Classification"],
    software: ["CVAT", "Segments.ai", "Supervisely", "Labelbox"],
    subjects: ["Crop Fields", "Construction Sites", "Fashion Catalog Photos", "Kitchen Scenes", "Road Surfaces"],
    skills: ["Semantic segmentation", "Instance segmentation", "Polygon tracing", "Attention to detail"],
    bioLines: [
      "I trace precise polygons and masks, and I enjoy the fiddly cases: hair, foliage, reflections.",
      "I have segmented farm imagery, street scenes and catalog photos for model training.",
    ],
    projects: [
      {
        title: "Segmentation masks for {subject}",
        description: "Segmented around {n} images with a class map of a dozen categories and pixel-level QA.",
        unit: "images",
        min: 2,
        max: 40,
      },
    ],
    hourly: [8, 16],
    perLabelMicros: [60_000, 250_000],
    backgrounds: ["Architecture", "Agronomy", "Graphic Design", "Fine Arts"],
  },
  {
    key: "video",
    weight: 6,
    titles: ["Video Annotation Specialist | Object Tracking", "Video Labeler for Tracking and Events"],
    phrase: "video annotation and object tracking",
    dataTypes: ["Video"],
    labelTypes: ["Object Tracking", "Bounding Box", "Classification"],
    software: ["CVAT", "Encord", "V7", "Labelbox"],
    subjects: ["Sports Broadcasts", "Retail Store Cameras", "Factory Lines", "Cooking Videos", "Cycling Footage"],
    skills: ["Object tracking", "Event tagging", "Interpolation review", "Temporal consistency"],
    bioLines: [
      "I track objects frame by frame, keep identities consistent through occlusions and tag events.",
      "I am fast with interpolation tools and careful when checking the frames in between.",
    ],
    projects: [
      {
        title: "Object tracking on {subject}",
        description: "Tracked players and objects through about {n} clips, keeping ids stable across cuts.",
        unit: "clips",
        min: 1,
        max: 30,
      },
    ],
    hourly: [8, 15],
    perLabelMicros: [100_000, 400_000],
    backgrounds: ["Film Studies", "Sports Science", "Media Production"],
  },
  {
    key: "audio",
    weight: 7,
    titles: ["Audio Transcriptionist | Speaker Diarization", "Speech Data Annotator", "Verbatim Transcriber"],
    phrase: "speech transcription",
    dataTypes: ["Audio"],
    labelTypes: ["Transcription", "Speaker Diarization", "Classification"],
    software: ["Label Studio", "Audino", "ELAN"],
    subjects: ["Call Centers", "Podcasts", "Medical Dictation", "Voice Assistants", "Field Interviews"],
    skills: ["Verbatim transcription", "Speaker diarization", "Accent comprehension", "Timestamping"],
    bioLines: [
      "I transcribe noisy, accented and overlapping speech and follow verbatim or clean-read styles.",
      "I label speakers, timestamps and non-speech events, and I am comfortable with long recordings.",
    ],
    projects: [
      {
        title: "Transcription of {subject} recordings",
        description: "Transcribed and segmented about {n} hours of audio with speaker turns and tags.",
        unit: "hours",
        min: 1,
        max: 12,
      },
    ],
    hourly: [7, 15],
    perLabelMicros: [150_000, 600_000],
    languageWork: true,
    backgrounds: ["Linguistics", "Journalism", "English Literature", "Communications"],
  },
  {
    key: "nlp_classify",
    weight: 8,
    titles: ["Text Classification and Sentiment Annotator", "NLP Data Annotator"],
    phrase: "text classification and sentiment labeling",
    dataTypes: ["Text"],
    labelTypes: ["Sentiment Analysis", "Classification"],
    software: ["Label Studio", "Prodigy", "Doccano", "Labelbox"],
    subjects: ["Product Reviews", "Social Media Posts", "Support Tickets", "Survey Answers", "Chat Logs"],
    skills: ["Sentiment analysis", "Intent labeling", "Sarcasm detection", "Taxonomy design"],
    bioLines: [
      "I label sentiment and intent in reviews, tickets and chats, including sarcasm and mixed feelings.",
      "I help teams tighten label definitions when annotators disagree.",
    ],
    projects: [
      {
        title: "Sentiment labels for {subject}",
        description: "Labeled about {n} short texts for sentiment and intent with double annotation.",
        unit: "texts",
        min: 10,
        max: 300,
      },
    ],
    hourly: [6, 13],
    perLabelMicros: [10_000, 50_000],
    backgrounds: ["Psychology", "Marketing", "Linguistics", "Sociology"],
  },
  {
    key: "nlp_ner",
    weight: 6,
    titles: ["Named Entity Recognition Annotator", "NLP Annotator | Entities and Relations"],
    phrase: "entity and relation annotation",
    dataTypes: ["Text"],
    labelTypes: ["Named Entity Recognition", "Relation Extraction", "Classification"],
    software: ["Prodigy", "Label Studio", "Doccano", "LightTag"],
    subjects: ["Legal Contracts", "News Articles", "Clinical Notes", "Financial Filings", "E-commerce Listings"],
    skills: ["Entity annotation", "Relation extraction", "Legal reading", "Consistency checks"],
    bioLines: [
      "I tag entities and relations in long documents and keep span boundaries consistent.",
      "I have annotated contracts, filings and news with custom entity schemas.",
    ],
    projects: [
      {
        title: "Entity annotation on {subject}",
        description: "Tagged entities and relations in about {n} documents under a custom schema.",
        unit: "documents",
        min: 2,
        max: 60,
      },
    ],
    hourly: [9, 18],
    perLabelMicros: [30_000, 150_000],
    backgrounds: ["Law", "Economics", "Linguistics", "Library Science"],
  },
  {
    key: "translation",
    weight: 6,
    titles: ["Translator and Localization QA", "Bilingual Data Annotator", "Machine Translation Evaluator"],
    phrase: "translation and localization review",
    dataTypes: ["Text"],
    labelTypes: ["Translation", "Response Evaluation", "Classification"],
    software: ["Label Studio", "Smartcat", "memoQ"],
    subjects: ["Mobile Apps", "Travel Content", "Customer Support Macros", "Game Dialogue"],
    skills: ["Translation", "Localization QA", "Machine translation post-editing", "Style guides"],
    bioLines: [
      "I translate and review app, travel and support content and rate machine translation output.",
      "I care about tone and terminology, not just word-for-word accuracy.",
    ],
    projects: [
      {
        title: "Translation review for {subject}",
        description: "Post-edited and rated about {n} translated segments against a style guide.",
        unit: "segments",
        min: 5,
        max: 90,
      },
    ],
    hourly: [10, 22],
    perLabelMicros: [40_000, 200_000],
    languageWork: true,
    backgrounds: ["Translation Studies", "Modern Languages", "Linguistics", "Tourism"],
  },
  {
    key: "rlhf",
    weight: 10,
    titles: ["RLHF Evaluator and Prompt Writer", "AI Response Rater", "LLM Trainer | Preference Ranking"],
    phrase: "LLM response evaluation and RLHF",
    dataTypes: ["Text", "Multimodal"],
    labelTypes: ["RLHF", "Response Evaluation", "Prompt Writing", "Supervised Fine-Tuning"],
    software: ["Scale Rapid", "Labelbox", "Label Studio"],
    subjects: [
      "Personal Finance",
      "Travel Planning",
      "Cooking",
      "Customer Service",
      "Health Questions",
      "Creative Writing",
    ],
    skills: ["Preference ranking", "Fact checking", "Prompt writing", "Rubric-based grading", "Writing"],
    bioLines: [
      "I rank and rewrite model answers, check facts and explain my ratings against the rubric.",
      "I write varied prompts and ideal responses for supervised fine-tuning.",
      "I am a careful writer and a fast researcher, which helps when grading factual answers.",
    ],
    projects: [
      {
        title: "Preference ranking for {subject} assistants",
        description: "Compared and ranked about {n} response pairs with written rationales.",
        unit: "pairs",
        min: 5,
        max: 120,
      },
      {
        title: "Supervised fine-tuning data: {subject}",
        description: "Wrote about {n} prompts with ideal answers and reviewed peers' submissions.",
        unit: "prompts",
        min: 1,
        max: 40,
      },
    ],
    hourly: [15, 32],
    perLabelMicros: [200_000, 1_500_000],
    backgrounds: ["English Literature", "Philosophy", "Journalism", "Education", "History"],
  },
  {
    key: "red_team",
    weight: 3,
    titles: ["AI Red Teamer", "LLM Safety Evaluator"],
    phrase: "adversarial testing of language models",
    dataTypes: ["Text"],
    labelTypes: ["Red Teaming", "Prompt Writing", "Response Evaluation"],
    software: ["Scale Rapid", "Label Studio"],
    subjects: ["Misinformation", "Privacy", "Financial Advice", "Medical Advice", "Jailbreak Resistance"],
    skills: ["Adversarial prompting", "Safety policy", "Risk assessment", "Report writing"],
    bioLines: [
      "I write adversarial prompts that probe safety policies and document failures clearly.",
      "I think like a misuser so the model does not have to learn the hard way.",
    ],
    projects: [
      {
        title: "Red teaming: {subject}",
        description: "Designed about {n} adversarial prompts and graded model responses against policy.",
        unit: "prompts",
        min: 1,
        max: 30,
      },
    ],
    hourly: [22, 45],
    perLabelMicros: [500_000, 3_000_000],
    backgrounds: ["Information Security", "Political Science", "Law", "Psychology"],
  },
  {
    key: "code",
    weight: 6,
    titles: [
      "Software Engineer | Code Data for LLMs",
      "Code Reviewer for AI Training",
      "Python Developer and AI Trainer",
    ],
    phrase: "code generation data and code review",
    dataTypes: ["Code", "Text"],
    labelTypes: ["Supervised Fine-Tuning", "Response Evaluation", "RLHF"],
    software: ["VS Code", "Labelbox", "Label Studio"],
    subjects: ["Python", "TypeScript", "Rust", "SQL", "Java", "Go"],
    skills: ["Code review", "Unit testing", "Debugging", "Algorithms", "Technical writing"],
    bioLines: [
      "I write and review code solutions, run them, and explain bugs in model-written code.",
      "I grade code answers for correctness, style and security, with tests to back it up.",
    ],
    projects: [
      {
        title: "{subject} coding tasks for an AI assistant",
        description: "Wrote and verified about {n} coding problems with reference solutions and tests.",
        unit: "tasks",
        min: 1,
        max: 25,
      },
    ],
    hourly: [30, 70],
    perLabelMicros: [1_000_000, 8_000_000],
    backgrounds: ["Computer Science", "Software Engineering", "Mathematics", "Electrical Engineering"],
  },
  {
    key: "medical",
    weight: 4,
    titles: ["Medical Image Annotator (Radiography)", "Clinical Data Annotator", "Medical Imaging Labeling Specialist"],
    phrase: "medical image annotation",
    dataTypes: ["Medical", "Image"],
    labelTypes: ["Segmentation", "Classification", "Bounding Box"],
    software: ["Encord", "V7", "3D Slicer", "OHIF Viewer"],
    subjects: ["Chest X-Rays", "Dermatology Photos", "Retinal Scans", "CT Slices", "Histopathology Slides"],
    skills: ["Radiology", "Anatomy", "DICOM", "Clinical terminology", "Quality review"],
    bioLines: [
      "With a clinical background I outline findings on scans and classify images to clinical guidelines.",
      "I am used to DICOM viewers and to working under strict confidentiality rules.",
    ],
    projects: [
      {
        title: "Findings on {subject}",
        description: "Annotated about {n} studies with findings and segmentations, reviewed by a radiologist.",
        unit: "studies",
        min: 1,
        max: 20,
      },
    ],
    hourly: [25, 60],
    perLabelMicros: [500_000, 4_000_000],
    backgrounds: ["Medicine", "Nursing", "Radiography", "Biomedical Science"],
  },
  {
    key: "lidar",
    weight: 4,
    titles: ["3D Point Cloud Annotator | LiDAR", "Sensor Fusion Labeler"],
    phrase: "LiDAR and sensor fusion annotation",
    dataTypes: ["3D Sensor"],
    labelTypes: ["Cuboid", "Object Tracking", "Segmentation"],
    software: ["Segments.ai", "CVAT", "Supervisely"],
    subjects: ["Urban Driving", "Highway Driving", "Delivery Robots", "Mining Vehicles"],
    skills: ["Point cloud annotation", "3D cuboids", "Sensor fusion", "Spatial reasoning"],
    bioLines: [
      "I fit 3D cuboids in point clouds and keep tracks consistent across sweeps and cameras.",
      "I like the spatial puzzle of sparse, far-away objects in LiDAR scans.",
    ],
    projects: [
      {
        title: "3D cuboids for {subject}",
        description: "Annotated about {n} point-cloud frames with cuboids and track ids.",
        unit: "frames",
        min: 1,
        max: 40,
      },
    ],
    hourly: [10, 20],
    perLabelMicros: [200_000, 900_000],
    backgrounds: ["Civil Engineering", "Surveying", "Mechanical Engineering", "Physics"],
  },
  {
    key: "geospatial",
    weight: 3,
    titles: ["GIS Analyst and Satellite Imagery Annotator", "Geospatial Data Labeler"],
    phrase: "satellite and aerial imagery annotation",
    dataTypes: ["Geospatial", "Image"],
    labelTypes: ["Polygon", "Segmentation", "Classification"],
    software: ["QGIS", "ArcGIS Pro", "Labelbox"],
    subjects: ["Building Footprints", "Solar Panels", "Flood Zones", "Road Networks", "Farm Parcels"],
    skills: ["GIS", "Remote sensing", "Map digitizing", "Coordinate systems"],
    bioLines: [
      "I digitize building footprints, roads and land cover from satellite and drone imagery.",
      "I am at home in QGIS and understand projections and resolution limits.",
    ],
    projects: [
      {
        title: "Mapping {subject}",
        description: "Digitized about {n} features from aerial imagery with topology checks.",
        unit: "features",
        min: 5,
        max: 200,
      },
    ],
    hourly: [10, 22],
    perLabelMicros: [30_000, 150_000],
    backgrounds: ["Geography", "Urban Planning", "Environmental Science"],
  },
  {
    key: "documents",
    weight: 4,
    titles: ["Document AI Annotator", "Data Extraction Specialist | Invoices and Forms"],
    phrase: "document data extraction",
    dataTypes: ["Document", "Text"],
    labelTypes: ["Named Entity Recognition", "Classification", "Data Collection"],
    software: ["Label Studio", "Labelbox", "Rossum"],
    subjects: ["Accounts Payable", "Insurance Claims", "Shipping Documents", "Tax Forms"],
    skills: ["Key-value extraction", "Table annotation", "Bookkeeping", "Data entry accuracy"],
    bioLines: [
      "I label key fields, tables and line items on invoices, claims and shipping paperwork.",
      "My bookkeeping background helps me read messy scans correctly.",
    ],
    projects: [
      {
        title: "Field extraction on {subject}",
        description: "Labeled key fields and tables on about {n} scanned documents.",
        unit: "documents",
        min: 5,
        max: 150,
      },
    ],
    hourly: [6, 14],
    perLabelMicros: [20_000, 120_000],
    backgrounds: ["Accounting", "Business Administration", "Finance"],
  },
  {
    key: "moderation",
    weight: 4,
    titles: ["Content Moderation Specialist", "Trust and Safety Annotator"],
    phrase: "content moderation and policy labeling",
    dataTypes: ["Text", "Image"],
    labelTypes: ["Content Moderation", "Classification"],
    software: ["Label Studio", "Labelbox"],
    subjects: ["Marketplace Listings", "Forum Posts", "Comment Sections", "Dating Profiles"],
    skills: ["Policy enforcement", "Resilience", "Cultural context", "Escalation judgment"],
    bioLines: [
      "I apply detailed content policies consistently and escalate the genuinely hard cases.",
      "I bring cultural and language context that automated filters miss.",
    ],
    projects: [
      {
        title: "Policy labels for {subject}",
        description: "Reviewed and labeled about {n} items against a multi-level policy.",
        unit: "items",
        min: 20,
        max: 500,
      },
    ],
    hourly: [6, 14],
    perLabelMicros: [10_000, 60_000],
    backgrounds: ["Sociology", "Communications", "Psychology"],
  },
];

/** Fictional companies of work histories and reviewing clients. */
export const SEED_COMPANIES = [
  "Brightpath Data Services",
  "Kestrel Analytics",
  "Nimbus Outsourcing",
  "Larkspur Labs",
  "Quillfeather Media",
  "Harborview Clinic",
  "Mosaic Localization",
  "Ridgeway Logistics",
  "Sunbird Telecom",
  "Copperleaf Software",
  "Bluewater Research",
  "Orchid Support Partners",
  "Tidewater Insurance",
  "Pinecrest Learning",
  "Ironbark Mapping",
  "Cinder Robotics",
] as const;

/** Jobs people held before (or beside) AI training work, by background. */
export const PREVIOUS_ROLES: Record<string, readonly string[]> = {
  default: ["Customer Support Representative", "Data Entry Specialist", "Research Assistant", "Teaching Assistant"],
  "Computer Science": ["Junior Software Developer", "QA Tester"],
  "Software Engineering": ["Backend Developer", "Software Engineer"],
  Mathematics: ["Math Tutor", "Data Analyst"],
  "Electrical Engineering": ["Embedded Developer", "Test Engineer"],
  Medicine: ["Resident Physician", "General Practitioner"],
  Nursing: ["Registered Nurse", "Clinical Coordinator"],
  Radiography: ["Radiographer", "Imaging Technician"],
  "Biomedical Science": ["Laboratory Technician", "Clinical Research Assistant"],
  Linguistics: ["Language Teacher", "Transcriptionist"],
  "Translation Studies": ["Freelance Translator", "Localization Specialist"],
  "Modern Languages": ["Language Teacher", "Interpreter"],
  Journalism: ["Copy Editor", "Reporter"],
  "English Literature": ["Content Writer", "Editor"],
  Philosophy: ["Tutor", "Content Writer"],
  Education: ["Secondary School Teacher", "Curriculum Designer"],
  History: ["Archivist", "Teacher"],
  Law: ["Paralegal", "Legal Assistant"],
  Accounting: ["Bookkeeper", "Accounts Payable Clerk"],
  Finance: ["Financial Analyst", "Accounts Assistant"],
  Geography: ["GIS Technician", "Field Surveyor"],
  "Urban Planning": ["Planning Assistant", "GIS Technician"],
  "Environmental Science": ["Environmental Technician", "Field Researcher"],
  "Civil Engineering": ["Site Engineer", "CAD Technician"],
  Surveying: ["Survey Technician", "Drone Operator"],
  "Graphic Design": ["Graphic Designer", "Photo Retoucher"],
  Photography: ["Photographer", "Photo Editor"],
  Psychology: ["Research Assistant", "Support Worker"],
  "Information Security": ["Security Analyst", "SOC Analyst"],
  "Film Studies": ["Video Editor", "Production Assistant"],
  "Media Production": ["Video Editor", "Camera Operator"],
};

export const DEGREES = [
  "Bachelor of Science",
  "Bachelor of Arts",
  "Master of Science",
  "Master of Arts",
  "Diploma",
] as const;
