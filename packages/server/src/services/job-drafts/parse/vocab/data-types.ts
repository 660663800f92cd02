/**
 * Data types (`dataType`) and the words that point to them, as regular-expression sources matched against
 * the lower-cased, accent-folded text at word boundaries. `weight` is added per occurrence; `specialised`
 * types win as soon as one cue appears, because their cues are unambiguous and they are refinements of
 * Image (LiDAR frames, CT scans, satellite tiles are all "images" too).
 */
export interface DataTypeEntry {
  name: string;
  weight: number;
  specialised?: boolean;
  cues: readonly string[];
}

export const DATA_TYPES: readonly DataTypeEntry[] = [
  {
    name: "3D Sensor",
    weight: 3,
    specialised: true,
    cues: ["lidar", "point[- ]clouds?", "3d cuboids?", "cuboids?", "radar", "3d sensors?", "depth maps?", "3d scans?"],
  },
  {
    name: "Medical",
    weight: 3,
    specialised: true,
    cues: [
      "dicom",
      "ct (?:scans?|studies|images?|slices?)",
      "chest ct",
      "mri",
      "x-?rays?",
      "radiolog[\\p{L}]*",
      "patholog[\\p{L}]*",
      "whole[- ]slide",
      "histolog[\\p{L}]*",
      "ultrasound",
      "mammogra[\\p{L}]*",
      "medical imag[\\p{L}]*",
      "endoscop[\\p{L}]*",
      "retinal",
      "fundus",
    ],
  },
  {
    name: "Geospatial",
    weight: 3,
    specialised: true,
    cues: [
      "satellite",
      "aerial",
      "orthophotos?",
      "orthomosaics?",
      "gis",
      "qgis",
      "arcgis",
      "geojson",
      "geospatial",
      "openstreetmap",
      "osm",
      "josm",
      "mapillary",
      "remote sensing",
      "geo-?tagg?[\\p{L}]*",
      "building footprints?",
    ],
  },
  {
    // a drone alone does not make imagery geospatial (solar-panel inspection is plain images)
    name: "Geospatial",
    weight: 2,
    cues: ["drones?"],
  },
  {
    name: "Video",
    weight: 2,
    cues: [
      "videos?",
      "video clips?",
      "footage",
      "video frames?",
      "movies?",
      "films?",
      "livestreams?",
      "vídeos?",
      "videoclips?",
    ],
  },
  {
    name: "Audio",
    weight: 2,
    cues: [
      "audio",
      "speech",
      "voice",
      "recordings?",
      "utterances?",
      "phone calls?",
      "calls",
      "podcasts?",
      "radio",
      "spoken",
      "listen(?:ing)?",
      "asr",
      "call[- ]cent(?:re|er)",
      "sprachaufnahmen",
      "grabaciones",
      "gravacoes",
    ],
  },
  {
    name: "Image",
    weight: 2,
    cues: [
      "images?",
      "imgs?",
      "photos?",
      "photographs?",
      "pictures?",
      "pics",
      "screenshots?",
      "dashcam",
      "camera",
      "bild(?:er|ern|annotation)?",
      "imagenes",
      "imagens",
      "immagini",
      "fotos?",
    ],
  },
  {
    name: "Document",
    weight: 2.5,
    cues: [
      "documents?",
      "docs",
      "receipts?",
      "invoices?",
      "forms",
      "pdfs?",
      "scanned",
      "scans",
      "handwrit[\\p{L}]*",
      "contracts",
      "legal contract",
      "contrats?",
      "contratos?",
      "letters",
      "ocr",
      "bank statements?",
    ],
  },
  {
    name: "Code",
    weight: 2.5,
    cues: [
      "code",
      "coding",
      "python",
      "javascript",
      "typescript",
      "java",
      "c\\+\\+",
      "golang",
      "sql",
      "programming",
      "software engineering",
      "source code",
      "repositor(?:y|ies)",
      "unit tests",
      "run the tests",
    ],
  },
  {
    name: "Text",
    weight: 1,
    cues: [
      "text",
      "texts",
      "texto",
      "textos",
      "posts?",
      "tweets?",
      "reviews",
      "comments?",
      "sentences?",
      "articles?",
      "messages?",
      "chats?",
      "chat logs?",
      "conversations?",
      "dialogues?",
      "prompts?",
      "responses?",
      "replies",
      "queries",
      "notes",
      "words",
      "strings",
      "search results",
      "emails?",
      "news",
      "summaries",
      "listings?",
      "descriptions",
      "oraciones",
      "noticias",
      "recensioni",
      "mensajes",
      "mensagens",
      "frases",
    ],
  },
];

/** Category display strings per data type (spec 20 §5 shows the first four). */
export const CATEGORY_BY_DATA_TYPE: Readonly<Record<string, string>> = {
  Image: "Image Annotation",
  Video: "Video Annotation",
  Audio: "Audio Annotation",
  Text: "Text Annotation",
  Document: "Document Annotation",
  Code: "Code Annotation",
  "3D Sensor": "3D & LiDAR Annotation",
  Medical: "Medical Annotation",
  Geospatial: "Geospatial Annotation",
};

export const CATEGORY_GENAI = "Generative AI & RLHF";
export const CATEGORY_DATA_COLLECTION = "Data Collection";
export const CATEGORY_TRANSCRIPTION = "Transcription";

/** Words that mark a post as LLM / generative-AI work even without an RLHF label type. */
export const GENAI_CUES: readonly string[] = [
  "llms?",
  "large language models?",
  "language models?",
  "chatbots?",
  "ai assistants?",
  "generative ai",
  "genai",
  "model responses",
  "ai[- ]generated",
  "model[- ]generated",
  "frontier models?",
  "ai trainers?",
  "llm training",
];

/**
 * The noun counted in the data volume tells what the data is ("3,500 thermal images" → Image even when the
 * post also says "drone footage"). Regular-expression sources matched against the whole noun.
 */
export const VOLUME_NOUN_TYPES: readonly [string, string][] = [
  [
    "images?|imgs?|photos?|photographs?|pictures?|pics|screenshots?|imagenes|imagens|immagini|bilder|bildern|tiles?|orthophotos?",
    "Image",
  ],
  ["videos?|video|footage|matches|episodes?|clips?", "Video"],
  [
    "audio|audios|speech|recordings?|calls?|phone calls?|podcasts?|utterances?|interviews?|radio|voice data|broadcasts?|meetings?|lectures?|audiobooks?",
    "Audio",
  ],
  [
    "documents?|docs|pages?|receipts?|invoices?|forms?|scans?|letters?|contracts?|contrats|contratos|documentos",
    "Document",
  ],
  [
    "posts?|tweets?|reviews?|comments?|messages?|chats?|conversations?|dialogues?|dialogs?|transcripts?|sentences?|phrases?|prompts?|responses?|queries|questions?|articles?|notes?|emails?|words?|summaries|listings?|oraciones|frases|textos|recensioni|mensajes|mensagens|palabras|palavras|worter|mots|parole",
    "Text",
  ],
];
