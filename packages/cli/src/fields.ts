import type { z } from "zod";

/** How a CLI flag's text becomes an input value. */
export type FieldKind = "string" | "number" | "boolean" | "enum" | "array" | "record" | "object" | "json";

/** One input field of an operation, as the CLI sees it. */
export interface FieldInfo {
  /** Input field name (`tokenId`, `agent_name`). */
  name: string;
  /** Primary long flag without dashes (`token-id`). */
  flag: string;
  kind: FieldKind;
  /** Element kind for arrays; value kind for records. */
  itemKind?: Exclude<FieldKind, "array" | "record" | "object">;
  required: boolean;
  description: string | undefined;
  /** Allowed values for enums (and arrays of enums). */
  choices?: string[];
  /** Default applied by the schema, shown in help. */
  defaultValue?: unknown;
  /** Scalar sub-fields of an object field, flattened to `--<flag>-<sub>` flags. */
  subFields?: FieldInfo[];
}

type AnySchema = z.ZodType & { def: Record<string, unknown> & { type: string }; description?: string };

/** `agent_name` / `tokenId` → `agent-name` / `token-id`. */
export function kebabCase(name: string): string {
  return name
    .replace(/_/g, "-")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

/** Strips optional/default/nullable/readonly wrappers; collects description and default. */
function unwrap(schema: AnySchema): { inner: AnySchema; description?: string; defaultValue?: unknown } {
  let cur = schema;
  let description = schema.description;
  let defaultValue: unknown;
  for (let i = 0; i < 10; i++) {
    const t = cur.def.type;
    if (t === "optional" || t === "nullable" || t === "readonly" || t === "nonoptional" || t === "catch") {
      cur = cur.def.innerType as AnySchema;
    } else if (t === "default" || t === "prefault") {
      const dv = cur.def.defaultValue;
      defaultValue = typeof dv === "function" ? (dv as () => unknown)() : dv;
      cur = cur.def.innerType as AnySchema;
    } else if (t === "pipe") {
      cur = cur.def.in as AnySchema;
    } else if (t === "lazy") {
      cur = (cur.def.getter as () => AnySchema)();
    } else {
      break;
    }
    description ??= cur.description;
  }
  return { inner: cur, description, defaultValue };
}

function scalarKind(schema: AnySchema): {
  kind: Exclude<FieldKind, "array" | "record" | "object">;
  choices?: string[];
} {
  const { inner } = unwrap(schema);
  switch (inner.def.type) {
    case "string":
    case "template_literal":
      return { kind: "string" };
    case "number":
    case "int":
    case "bigint":
      return { kind: "number" };
    case "boolean":
      return { kind: "boolean" };
    case "enum": {
      const entries = inner.def.entries as Record<string, string | number>;
      return { kind: "enum", choices: [...new Set(Object.values(entries).map(String))] };
    }
    case "literal": {
      const values = inner.def.values as unknown[];
      if (values.every((v) => typeof v === "boolean")) return { kind: "boolean" };
      if (values.every((v) => typeof v === "number")) return { kind: "number" };
      return { kind: "enum", choices: values.map(String) };
    }
    case "union": {
      const kinds = (inner.def.options as AnySchema[]).map((o) => scalarKind(o).kind);
      if (kinds.includes("boolean")) return { kind: "boolean" };
      if (kinds.every((k) => k === "number")) return { kind: "number" };
      if (kinds.includes("string") || kinds.includes("enum")) return { kind: "string" };
      return { kind: "json" };
    }
    default:
      return { kind: "json" };
  }
}

/** Describes one field schema. */
export function describeField(name: string, schema: AnySchema, prefix = ""): FieldInfo {
  const { inner, description, defaultValue } = unwrap(schema);
  const required = !schema.safeParse(undefined).success;
  const base = { name, flag: kebabCase(prefix + (prefix ? "-" : "") + name), required, description, defaultValue };
  switch (inner.def.type) {
    case "array": {
      const el = scalarKind(inner.def.element as AnySchema);
      return { ...base, kind: "array", itemKind: el.kind, choices: el.choices };
    }
    case "record": {
      const v = scalarKind(inner.def.valueType as AnySchema);
      return { ...base, kind: "record", itemKind: v.kind };
    }
    case "object": {
      const shape = inner.def.shape as Record<string, AnySchema>;
      const subFields = Object.entries(shape)
        .map(([k, v]) => describeField(k, v, base.flag))
        .filter((f) => f.kind !== "json" && f.kind !== "object" && f.kind !== "record");
      return { ...base, kind: "object", subFields };
    }
    default: {
      const s = scalarKind(inner);
      return { ...base, kind: s.kind, choices: s.choices };
    }
  }
}

/** Every field of an operation's flat input object, in declaration order. */
export function describeInput(input: z.ZodObject): FieldInfo[] {
  return Object.entries(input.shape).map(([name, schema]) => describeField(name, schema as unknown as AnySchema));
}
