/**
 * Labeling tools. Each entry: canonical display name (stored in `labelingSoftware`) and the patterns that
 * name it, as regular-expression sources matched against the lower-cased, accent-folded text at word
 * boundaries. Generic words are avoided on purpose ("scale", "ground truth" and "v7" alone are not tools).
 */
export const TOOLS: readonly { name: string; patterns: readonly string[] }[] = [
  { name: "Labelbox", patterns: ["label ?box"] },
  { name: "CVAT", patterns: ["cvat(?:\\.ai)?", "computer vision annotation tool"] },
  { name: "Label Studio", patterns: ["label[- ]?studio"] },
  { name: "Scale AI", patterns: ["scale ai", "scale rapid", "scale studio", "scale nucleus", "remotasks"] },
  { name: "SuperAnnotate", patterns: ["super ?annotate"] },
  { name: "Prodigy", patterns: ["prodigy"] },
  {
    name: "AWS SageMaker Ground Truth",
    patterns: ["(?:aws |amazon )?sage ?maker(?: ground ?truth)?", "aws ground ?truth"],
  },
  { name: "V7", patterns: ["v7 (?:labs|darwin|go)", "v7(?= \\(darwin\\))", "v7darwin", "darwin v7"] },
  { name: "Supervisely", patterns: ["supervise\\.?ly"] },
  { name: "Dataloop", patterns: ["dataloop"] },
  { name: "Doccano", patterns: ["doccano"] },
  { name: "Encord", patterns: ["encord"] },
  { name: "Kili", patterns: ["kili technology", "kili platform"] },
  { name: "Segments.ai", patterns: ["segments\\.ai"] },
  { name: "Roboflow", patterns: ["roboflow"] },
  { name: "Hasty", patterns: ["hasty\\.ai", "hasty annotation"] },
  { name: "Amazon Mechanical Turk", patterns: ["mechanical turk", "mturk"] },
  { name: "Appen", patterns: ["appen(?: adap| connect)?", "figure eight"] },
  { name: "Toloka", patterns: ["toloka"] },
  { name: "Argilla", patterns: ["argilla"] },
  { name: "INCEpTION", patterns: ["inception annotation", "inception platform"] },
  { name: "brat", patterns: ["brat(?: rapid annotation tool| annotation tool)"] },
  { name: "Tagtog", patterns: ["tagtog"] },
  { name: "LightTag", patterns: ["lighttag"] },
  { name: "LabelImg", patterns: ["labelimg"] },
  { name: "VGG Image Annotator", patterns: ["vgg image annotator", "via annotator"] },
  { name: "MakeSense", patterns: ["makesense(?:\\.ai)?"] },
  { name: "BasicAI", patterns: ["basic ?ai"] },
  { name: "Xtreme1", patterns: ["xtreme1"] },
  { name: "Kognic", patterns: ["kognic"] },
  { name: "Deepen", patterns: ["deepen ai", "deepen\\.ai"] },
  { name: "3D Slicer", patterns: ["3d ?slicer"] },
  { name: "ITK-SNAP", patterns: ["itk-?snap"] },
  { name: "MD.ai", patterns: ["md\\.ai"] },
  { name: "RedBrick AI", patterns: ["redbrick(?: ai)?"] },
  { name: "OHIF", patterns: ["ohif"] },
  { name: "QuPath", patterns: ["qupath"] },
  { name: "QGIS", patterns: ["qgis"] },
  { name: "ArcGIS", patterns: ["arcgis"] },
  { name: "JOSM", patterns: ["josm"] },
  { name: "ELAN", patterns: ["elan(?= (?:annotation|tool|software|transcription))"] },
  { name: "Praat", patterns: ["praat"] },
  { name: "Audacity", patterns: ["audacity"] },
  { name: "Label Your Data", patterns: ["label your data"] },
  { name: "Subtitle Edit", patterns: ["subtitle ?edit"] },
  { name: "Aegisub", patterns: ["aegisub"] },
  { name: "Amara", patterns: ["amara(?= (?:editor|subtitle|platform))", "amara\\.org"] },
  { name: "Express Scribe", patterns: ["express ?scribe"] },
  { name: "oTranscribe", patterns: ["otranscribe"] },
  { name: "Descript", patterns: ["descript(?= (?:app|editor|software))"] },
  { name: "Google Sheets", patterns: ["google sheets?"] },
  { name: "Microsoft Excel", patterns: ["ms excel", "microsoft excel"] },
];

/** Value stored when the post says the work happens in the client's own tool. */
export const IN_HOUSE_TOOL = "OTHER";

/** "our in-house transcription editor", "our own web platform", "proprietary tool". */
export const IN_HOUSE_PATTERN =
  "(?:(?:in-house|inhouse|our own|proprietary|internal|custom-built|our custom)(?: [\\p{L}-]+){0,3} (?:tool|tools|platform|editor|software|interface|ui|app|application|portal)|our (?:[\\p{L}-]+ ){0,2}(?:annotation|labell?ing|transcription|tagging|web-based|browser-based|secure) (?:[\\p{L}-]+ )?(?:tool|platform|editor|portal|interface|software))";

/** Labels whose value names the tool even when it is not in the vocabulary ("Tool: Subtitle Edit"). */
export const TOOL_LABELS =
  "tools?|tooling|platform|software|labell?ing tool|annotation tool|labell?ing software|annotation software|herramientas?|outils?|werkzeug|ferramentas?|strumenti|strumento";
