import { describe, expect, it } from "vitest";
import { extractDuration } from "../../src/services/job-drafts/parse/duration.js";
import { parseJobDescription } from "../../src/services/job-drafts/parse/index.js";
import { extractTaxonomy } from "../../src/services/job-drafts/parse/taxonomy.js";
import { cleanTitle, extractTitle, generateTitle } from "../../src/services/job-drafts/parse/title.js";
import { extractTools } from "../../src/services/job-drafts/parse/tools.js";
import { view } from "./helpers.js";

const tax = (t: string) => {
  const v = view(t);
  return extractTaxonomy(v, extractTools(v).spans);
};
const tool = (t: string) => extractTools(view(t)).tool;
const time = (t: string, now?: Date) => extractDuration(view(t), now);
const title = (t: string) => extractTitle(view(t))?.value ?? null;

describe("label types, data type, category", () => {
  it.each([
    ["Draw bounding boxes around cars in 50,000 dashcam images.", ["Bounding Box"], "Image", "Image Annotation"],
    ["3D cuboids on LiDAR point clouds.", ["3D Cuboid"], "3D Sensor", "3D & LiDAR Annotation"],
    ["Segment lung nodules on chest CT studies (DICOM).", ["Segmentation"], "Medical", "Medical Annotation"],
    [
      "Draw polygons around building footprints in satellite tiles.",
      ["Polygon"],
      "Geospatial",
      "Geospatial Annotation",
    ],
    ["Transcribe German customer calls; 500 hours of audio.", ["Transcription"], "Audio", "Audio Annotation"],
    ["Label the sentiment of 20,000 tweets.", ["Sentiment Analysis"], "Text", "Text Annotation"],
    [
      "Compare two model responses and pick the better one (RLHF).",
      ["Preference Ranking", "RLHF"],
      "Text",
      "Generative AI & RLHF",
    ],
    ["Write adversarial prompts to red-team our chatbot.", ["Red Teaming"], "Text", "Generative AI & RLHF"],
    ["Record yourself reading short phrases on your phone.", ["Data Collection"], null, "Data Collection"],
    ["Transcribe 3,000 scanned handwritten letters.", ["Transcription"], "Document", "Transcription"],
    ["Label 800 receipts (vendor, date, total).", ["Data Extraction"], "Document", "Document Annotation"],
    ["Tag the speaker's gender in 20,000 audio clips.", ["Classification"], "Audio", "Audio Annotation"],
  ])("%s", (text, labels, dataType, category) => {
    const r = tax(text);
    expect(r.labelTypes).toEqual(labels);
    expect(r.dataType).toBe(dataType);
    expect(r.category).toBe(category);
  });

  it("requirement clauses are not tasks", () => {
    const r = tax("Rate chatbot replies. At least 2 years of experience in translation or localization.");
    expect(r.labelTypes).toEqual(["Response Evaluation"]);
  });

  it("'per label' in a pay phrase is not a labelling task", () => {
    expect(tax("$15/hr + $0.02 bonus per label.").labelTypes).toEqual([]);
  });

  it("'already transcribed' is not transcription; tool names are not label types", () => {
    expect(tax("Classify utterances (already transcribed) by intent.").labelTypes).toEqual(["Classification"]);
    expect(tax("3D cuboids. Must know Segments.ai.").labelTypes).toEqual(["3D Cuboid"]);
  });

  it("the counted data decides between competing data types", () => {
    const r = parseJobDescription("Drone footage. Volume: 3,500 thermal images. Bounding boxes.");
    expect(r.fields.dataType).toBe("Image");
  });
});

describe("tools", () => {
  it.each([
    ["Tool: CVAT.", "CVAT"],
    ["We use Label Studio for this.", "Label Studio"],
    ["Annotate in AWS SageMaker Ground Truth.", "AWS SageMaker Ground Truth"],
    ["We use V7 (Darwin).", "V7"],
    ["MUST KNOW SEGMENTS.AI OR SIMILAR", "Segments.ai"],
    ["tool is appen adap", "Appen"],
    ["Work happens in our in-house transcription editor.", "OTHER"],
    ["Tool: Subtitle Edit or similar.", "Subtitle Edit"],
  ])("%s", (text, expected) => expect(tool(text)).toBe(expected));

  it("generic words are not tools", () => {
    expect(tool("Rate on a scale of 1-5 against the ground truth.")).toBeNull();
  });

  it("past experience with a tool is not the job's tool", () => {
    expect(tool("Previous rating experience with Appen or TELUS a plus.")).toBeNull();
  });

  it("warns when several tools are named", () => {
    const r = extractTools(view("We use Labelbox; CVAT is also fine."));
    expect(r.tool).toBe("Labelbox");
    expect(r.warnings.join(" ")).toMatch(/Several tools/);
  });
});

describe("duration, deadline, time requirement", () => {
  it.each([
    ["The project should take about six weeks.", "6 weeks"],
    ["Expected duration: 3 months.", "3 months"],
    ["3-month engagement.", "3 months"],
    ["A 10-week project.", "10 weeks"],
    ["Work is expected to run for 8 weeks.", "8 weeks"],
    ["Must be done within 3 weeks.", "3 weeks"],
    ["Duración aproximada: 5 semanas.", "5 weeks"],
    ["roughly 2-3 weeks of work", "2-3 weeks"],
    ["Should take a week or so.", "1 week"],
  ])("%s", (text, expected) => expect(time(text).projectDuration).toBe(expected));

  it("years of experience and payment terms are not durations", () => {
    expect(time("5+ years of experience required.").projectDuration).toBeNull();
    expect(time("Invoices are paid within 14 days.").projectDuration).toBeNull();
    expect(time("You must have lived in the UK for the last 3 years.").projectDuration).toBeNull();
  });

  it.each([
    ["Deadline: 2026-03-31.", "2026-03-31"],
    ["Due by April 15, 2026.", "2026-04-15"],
    ["Finish by 30/06/2026.", "2026-06-30"],
    ["Deadline: 15 July 2026.", "2026-07-15"],
    ["Please complete all work by May 1, 2026.", "2026-05-01"],
  ])("deadline %s", (text, expected) => expect(time(text).deadline).toBe(expected));

  it("dates without a deadline cue or without a year are not deadlines", () => {
    expect(time("Start date: 2026-05-01.").deadline).toBeNull();
    const r = time("Due by April 15.");
    expect(r.deadline).toBeNull();
    expect(r.warnings.join(" ")).toMatch(/no year/);
    expect(time("Due by April 15.", new Date("2026-03-01T00:00:00Z")).deadline).toBe("2026-04-15");
    expect(time("Due by January 10.", new Date("2026-03-01T00:00:00Z")).deadline).toBe("2027-01-10");
  });

  it("warns about ambiguous numeric dates", () => {
    const r = time("Deadline: 04/05/2026.");
    expect(r.deadline).toBe("2026-04-05");
    expect(r.warnings.join(" ")).toMatch(/ambiguous/);
  });

  it("reads weekly time commitments", () => {
    expect(time("Available 15–25 hours per week.").timeRequirement).toBe("15-25 hours/week");
    expect(time("At least 10 hours a week.").timeRequirement).toBe("at least 10 hours/week");
    expect(time("This is a part-time role.").timeRequirement).toBe("Part-time");
  });
});

describe("title", () => {
  it.each([
    ["Title: Legal Document Summarization (English)\n\nBody.", "Legal Document Summarization (English)"],
    ["# German Audio Transcription\n\nBody.", "German Audio Transcription"],
    ["**Korean OCR Verification**\nBody text.", "Korean OCR Verification"],
    ["Dashcam Object Detection – Bounding Boxes\n\nBody.", "Dashcam Object Detection – Bounding Boxes"],
    ["Subject: Freelance medical coders needed\n\nDear annotators, ...", "Freelance medical coders needed"],
    [
      "Project: Drone footage – solar panel defect detection\nType: Bounding boxes",
      "Drone footage – solar panel defect detection",
    ],
    ["Quick image tagging task – beginners welcome! 🙌\n\nBody.", "Quick image tagging task – beginners welcome!"],
    ["URGENT!!! NEED 3 LABELERS FOR LIDAR\nBODY", "Need 3 Labelers for Lidar"],
  ])("%s", (text, expected) => expect(title(text)).toBe(expected));

  it("does not take a description line, a greeting or a field line as the title", () => {
    expect(title("Need someone to label 800 receipts in Label Studio for the whole job, due by April 15.")).toBeNull();
    expect(title("Hi there,\nWe need annotators.")).toBeNull();
    expect(title("Pay: $15/hr\nWe need annotators.")).toBeNull();
    expect(title("About the project:\nWe need annotators.")).toBeNull();
    expect(title("We are looking for experienced annotators to draw boxes on images.\nMore text.")).toBeNull();
  });

  it("cleans decoration", () => {
    expect(cleanTitle("## **Hiring: Arabic Transcribers** 🎧")).toBe("Arabic Transcribers");
  });

  it("generates a title from language, data type and task", () => {
    expect(
      generateTitle({ language: "German", dataType: "Audio", labelTitleWord: "Transcription", category: null }),
    ).toBe("German Audio Transcription");
    expect(
      generateTitle({ language: null, dataType: "Image", labelTitleWord: null, category: "Image Annotation" }),
    ).toBe("Image Annotation");
    expect(generateTitle({ language: null, dataType: null, labelTitleWord: null, category: null })).toBe(
      "Data Annotation Project",
    );
  });
});
