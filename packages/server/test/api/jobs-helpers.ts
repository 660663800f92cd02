import { http, type TestServer } from "@opentrain-ai/testkit";
import { expect } from "vitest";

/** Public API call (token null for the tokenless marketplace). */
export const apiOf =
  (t: TestServer) =>
  (method: string, path: string, token: string | null, json?: unknown, headers?: Record<string, string>) =>
    http(t.baseUrl, method, `/api/public/v1${path}`, { token, json, headers });

/** A canonical job with every field publishing needs; override any key. */
export function canonicalJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Spanish Sentiment Labeling",
    description: "Read short Spanish product reviews and label each one positive, negative or neutral.",
    paymentType: "PAY_PER_HOUR",
    rateAmount: 15,
    languages: ["Spanish"],
    countries: ["ES", "MX"],
    labelTypes: ["Sentiment Analysis"],
    tools: ["Label Studio"],
    experienceLevel: "INTERMEDIATE",
    dataType: "Text",
    dataVolumeUnit: "NUMBER_OF_FILES",
    dataVolume: 20000,
    headcount: 5,
    ...overrides,
  };
}

/** Creates a publish-ready draft and returns its id. */
export async function createReadyDraft(t: TestServer, token: string, overrides: Record<string, unknown> = {}) {
  const res = await apiOf(t)("POST", "/job-drafts", token, {
    format: "opentrain_canonical",
    job: canonicalJob(overrides),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.validation.publishReady, JSON.stringify(res.body.validation)).toBe(true);
  return res.body.jobId as string;
}

/** Creates and publishes a job; returns its id. */
export async function createOpenJob(t: TestServer, token: string, overrides: Record<string, unknown> = {}) {
  const jobId = await createReadyDraft(t, token, overrides);
  const res = await apiOf(t)("POST", `/jobs/${jobId}/publish`, token, {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return jobId;
}
