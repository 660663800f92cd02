import fc from "fast-check";
import { z } from "zod";
import type { Operation } from "@opentrain-ai/contract";

/**
 * Hostile request generators for the fuzz suite, derived from an operation's zod input (via its
 * JSON Schema) so operations added later are fuzzed without edits here.
 */

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
};

/** Strings that have broken parsers, databases and renderers before. */
const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\u202Eevil\u202C",
  "\u200B\u200D\uFEFF",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0301\u0301",
  "ﷺ",
  "'; DROP TABLE jobs; --",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "${7*7}",
  "null",
  "-1",
  "1e309",
  "NaN",
  "\\",
  '"',
];

/** Strings of every kind: odd unicode, plausible text, and huge ones (under the body limit). */
export function hostileString(maxHuge = 200_000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom("a", "é", "😀", "\u0000").map((c) => c.repeat(maxHuge / 2)) },
  );
}

/** Ids that are not ids: wrong prefix, odd unicode, traversal, too long, numbers. */
export const badId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS.filter((s) => s !== "")),
  fc.constantFrom("job_0000000000000000000000", "prp_x", "tok_", "0", "-1", "9".repeat(40), "a".repeat(300)),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
);

/** Cursors a client might forge: garbage, base64 of garbage JSON, base64 of plausible-but-wrong JSON. */
export const badCursor: fc.Arbitrary<string> = fc.oneof(
  hostileString(4000),
  fc.json().map((j) => Buffer.from(j).toString("base64url")),
  fc
    .record({ at: fc.oneof(fc.string(), fc.integer()), id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) })
    .map((o) => Buffer.from(JSON.stringify(o)).toString("base64url")),
);

/** Any JSON value, including huge arrays, for wrong-type substitutions. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  hostileString(),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 5 }),
  fc.constant(Array.from({ length: 20_000 }, (_, i) => i)),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 4 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, 0, -0, 1e308),
);

/** A value plausible for a JSON Schema node: right type most of the time, hostile content. */
function plausible(s: JsonSchema, field: string): fc.Arbitrary<unknown> {
  if (field === "cursor") return badCursor;
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...s.enum) }, hostileString(1000));
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => plausible(a, field)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return fc.oneof(
        { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(s.maxLength ?? 40, 40) }) },
        { weight: 3, arbitrary: hostileString() },
      );
    case "integer":
    case "number": {
      const min = s.minimum ?? -1_000_000;
      const max = s.maximum ?? 1_000_000;
      return fc.oneof(
        {
          weight: 3,
          arbitrary: fc.integer({
            min: Math.max(Math.ceil(min), -(2 ** 31)),
            max: Math.min(Math.floor(max), 2 ** 31 - 1),
          }),
        },
        { weight: 1, arbitrary: anyValue },
      );
    }
    case "boolean":
      return fc.oneof(fc.boolean(), fc.constantFrom("true", "false", "1", "yes"));
    case "array":
      return fc.oneof(
        fc.array(s.items ? plausible(s.items, field) : anyValue, { maxLength: 4 }),
        fc.constant(Array.from({ length: 10_000 }, () => "x")),
      );
    case "object":
      return objectOf(s);
    default:
      return anyValue;
  }
}

function objectOf(s: JsonSchema, skip: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(s.properties ?? {}).filter(([k]) => !skip.includes(k));
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of entries) model[k] = plausible(v, k);
  const required = (s.required ?? []).filter((k) => !skip.includes(k));
  return fc.record(model, { requiredKeys: required.filter((k) => k in model) }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

export function inputSchemaOf(op: Operation): JsonSchema {
  return z.toJSONSchema(op.input, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** One hostile request: path parameters, a query or body, and how the body travels. */
export interface FuzzRequest {
  kind: string;
  params: Record<string, string | null>;
  /** Object fields for the query string or the body. */
  fields?: Record<string, unknown>;
  /** A raw body, sent as is with `contentType`. */
  raw?: string;
  contentType?: string;
}

const malformedJson = fc.oneof(
  fc.constantFrom(
    "{",
    '{"a":',
    "[1,2",
    "{'a':1}",
    '{"a":1,}',
    "nul",
    "\u0000",
    '{"a":"\\ud800"}',
    '{"__proto__":{"x":1}}',
  ),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.json().map((j) => j.slice(0, Math.max(1, j.length - 1))),
);
const nonObjectJson = fc.oneof(
  fc.constantFrom("[]", "null", "1", '"x"', "true", "[{}]"),
  fc
    .jsonValue()
    .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
    .map((v) => JSON.stringify(v)),
);

/**
 * Every kind of hostile request for `op`. `knownParams` are real path parameters (an owned
 * resource) so bodies reach the services; without them the path gets bad ids.
 */
export function fuzzRequest(op: Operation, knownParams: Record<string, string> | null): fc.Arbitrary<FuzzRequest> {
  const schema = inputSchemaOf(op);
  const pathNames = [...op.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string);
  const paramsArb: fc.Arbitrary<Record<string, string | null>> = fc.oneof(
    { weight: knownParams ? 3 : 0, arbitrary: fc.constant(knownParams ?? {}) },
    {
      weight: 1,
      arbitrary: fc.record(
        Object.fromEntries(pathNames.map((n) => [n, badId])) as Record<string, fc.Arbitrary<string>>,
      ),
    },
  );
  const fields = objectOf(schema, pathNames);
  const names = Object.keys(schema.properties ?? {}).filter((k) => !pathNames.includes(k));
  const kinds: fc.Arbitrary<FuzzRequest>[] = [
    fc.record({ kind: fc.constant("plausible"), params: paramsArb, fields }),
    fc.record({ kind: fc.constant("missing fields"), params: paramsArb, fields: fc.constant({}) }),
    fc.record({
      kind: fc.constant("extra fields"),
      params: paramsArb,
      fields: fc
        .tuple(fields, fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), anyValue, { minKeys: 1, maxKeys: 3 }))
        .map(([a, b]) => ({ ...b, ...a, ...(Object.keys(b).some((k) => k in a) ? { unexpectedField: 1 } : {}) })),
    }),
  ];
  if (names.length > 0) {
    kinds.push(
      fc.record({
        kind: fc.constant("wrong type"),
        params: paramsArb,
        fields: fc
          .tuple(fields, fc.constantFrom(...names), anyValue)
          .map(([a, name, value]) => ({ ...a, [name]: value })),
      }),
    );
  }
  if (op.encoding !== "query") {
    const contentType = op.encoding === "form" ? "application/x-www-form-urlencoded" : "application/json";
    kinds.push(
      fc.record({
        kind: fc.constant("malformed body"),
        params: paramsArb,
        raw: malformedJson,
        contentType: fc.constant("application/json"),
      }),
      fc.record({
        kind: fc.constant("non-object body"),
        params: paramsArb,
        raw: nonObjectJson,
        contentType: fc.constant(contentType),
      }),
      fc.record({
        kind: fc.constant("odd content type"),
        params: paramsArb,
        raw: fc.string({ maxLength: 40 }),
        contentType: fc.constantFrom(
          "text/plain",
          "application/xml",
          "multipart/form-data; boundary=x",
          "application/json; charset=utf-16",
          "",
          "*/*",
        ),
      }),
    );
  }
  return fc.oneof(...kinds);
}

/** Percent-encodes a string byte by byte (lone surrogates become U+FFFD, like a browser would send). */
function pct(s: string): string {
  return [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

function queryValue(v: unknown): string[] {
  if (Array.isArray(v)) return v.slice(0, 50).flatMap(queryValue);
  if (v !== null && typeof v === "object") return [JSON.stringify(v)];
  return [String(v)];
}

/** The wire form of a fuzz request: URL, headers and body. Query strings stay under 8 KiB (a proxy's limit). */
export function toWire(
  op: Operation,
  basePath: string,
  req: FuzzRequest,
): { path: string; headers: Record<string, string>; body?: string } {
  const path = basePath + op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, n: string) => pct(req.params[n] ?? "x"));
  const headers: Record<string, string> = {};
  if (req.raw !== undefined) {
    if (req.contentType) headers["content-type"] = req.contentType;
    return { path, headers, body: req.raw };
  }
  const fields = req.fields ?? {};
  if (op.encoding === "query") {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(fields))
      for (const one of queryValue(v)) parts.push(`${pct(k)}=${pct(one.slice(0, 1500))}`);
    let qs = parts.join("&");
    if (qs.length > 8000) qs = qs.slice(0, 8000).replace(/%[0-9A-F]?$/, "");
    return { path: qs ? `${path}?${qs}` : path, headers };
  }
  if (op.encoding === "form") {
    headers["content-type"] = "application/x-www-form-urlencoded";
    const body = Object.entries(fields)
      .flatMap(([k, v]) => queryValue(v).map((one) => `${pct(k)}=${pct(one)}`))
      .join("&");
    return { path, headers, body };
  }
  headers["content-type"] = "application/json";
  return { path, headers, body: JSON.stringify(fields) };
}
