import {
  API_BASE_PATHS,
  ERROR_STATUS,
  errorEnvelopeSchema,
  oauthErrorSchema,
  OPERATIONS,
  pathParams,
  type Operation,
} from "@opentrain-ai/contract";
import { z } from "zod";

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function propertiesOf(schema: JsonSchema): { props: Record<string, JsonSchema>; required: Set<string> } {
  return {
    props: (schema.properties as Record<string, JsonSchema> | undefined) ?? {},
    required: new Set((schema.required as string[] | undefined) ?? []),
  };
}

function operationObject(op: Operation): JsonSchema {
  const input = toSchema(op.input, "input");
  const { props, required } = propertiesOf(input);
  const inPath = new Set(pathParams(op.path));
  const parameters: JsonSchema[] = [];
  const bodyProps: Record<string, JsonSchema> = {};
  const bodyRequired: string[] = [];
  for (const [name, schema] of Object.entries(props)) {
    if (inPath.has(name)) {
      parameters.push({ name, in: "path", required: true, schema, description: schema.description });
    } else if (op.encoding === "query") {
      parameters.push({ name, in: "query", required: required.has(name), schema, description: schema.description });
    } else {
      bodyProps[name] = schema;
      if (required.has(name)) bodyRequired.push(name);
    }
  }
  const errorRef = op.api === "agent" ? "#/components/schemas/OAuthError" : "#/components/schemas/Error";
  const responses: Record<string, JsonSchema> = {
    [String(op.successStatus)]: {
      description: "Success",
      content: { "application/json": { schema: toSchema(op.output, "output") } },
    },
  };
  const statuses = new Set<number>([400, 429, 500]);
  if (op.auth !== "none") statuses.add(401);
  if (op.scope || op.anyScope || op.feature || op.claim) statuses.add(403);
  if (inPath.size > 0) statuses.add(404);
  for (const code of op.errors) {
    const s = (ERROR_STATUS as Record<string, number>)[code];
    if (s) statuses.add(s);
  }
  for (const s of [...statuses].sort()) {
    responses[String(s)] = {
      description: s === 429 ? "Rate limited (Retry-After header)" : "Error",
      content: { "application/json": { schema: { $ref: errorRef } } },
    };
  }
  const obj: JsonSchema = {
    operationId: op.id,
    summary: op.summary,
    description: op.description,
    tags: [op.resource],
    parameters,
    responses,
    "x-opentrain-scope": op.scope ?? op.anyScope ?? null,
    "x-opentrain-feature": op.feature,
    "x-opentrain-claim-required": op.claim !== null,
  };
  if (op.auth === "none") obj.security = [];
  if (op.encoding !== "query") {
    const mediaType = op.encoding === "form" ? "application/x-www-form-urlencoded" : "application/json";
    const hasBody = Object.keys(bodyProps).length > 0 || input.additionalProperties !== false;
    if (hasBody) {
      const bodySchema: JsonSchema = { type: "object", properties: bodyProps };
      if (bodyRequired.length > 0) bodySchema.required = bodyRequired;
      if (input.additionalProperties && typeof input.additionalProperties === "object") {
        bodySchema.additionalProperties = input.additionalProperties;
      }
      obj.requestBody = { required: bodyRequired.length > 0, content: { [mediaType]: { schema: bodySchema } } };
    }
  }
  if (obj.parameters && (obj.parameters as unknown[]).length === 0) delete obj.parameters;
  return obj;
}

/** The OpenAPI 3.1 document of the Public API and agent auth, generated from the registry. */
export function buildOpenApiDocument(serverUrl: string, version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) {
    if (op.api === "sandbox") continue;
    const path = API_BASE_PATHS[op.api] + op.path;
    paths[path] ??= {};
    paths[path][op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "OpenTrain Public API",
      version,
      description:
        "Public API v1 and agent auth of a self-hosted OpenTrain platform. Money-moving calls return a pending approval that a signed-in human confirms in the web app.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Personal API token ot_pat_..." },
      },
      schemas: {
        Error: toSchema(errorEnvelopeSchema, "output"),
        OAuthError: toSchema(oauthErrorSchema, "output"),
      },
    },
  };
}
