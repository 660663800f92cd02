import { readFile } from "node:fs/promises";
import type { Operation } from "@opentrain-ai/contract";
import { Argument, InvalidArgumentError, Option, type Command } from "commander";
import { describeInput, type FieldInfo, type FieldKind } from "./fields.js";
import { UsageError } from "./errors.js";
import type { IO } from "./io.js";

/** Flags the CLI owns on every command; an input field never takes them over. */
export const RESERVED_FLAGS = new Set(["json", "base-url", "help", "version", "sandbox-secret"]);

/** String fields that also accept `--<flag>-file <path>` (long text). */
const LONG_TEXT = /(^|-)(description|content|text|body|message)$/;

/** How one input field is bound to the command line. */
interface FieldBinding {
  field: FieldInfo;
  /** Commander attribute names: the primary flag first, then aliases. */
  attrs: { attr: string; flag: string }[];
  /** Attribute and flag of `--<flag>-file`, when offered. */
  fileAttr?: string;
  fileFlag?: string;
  /** Sub-field flags of an object field. */
  subAttrs?: { attr: string; field: FieldInfo }[];
  /** Index among the command's positional arguments. */
  position?: number;
}

/** The binding between an operation's input and a commander command. */
export interface InputBinding {
  op: Operation;
  fields: FieldBinding[];
}

function parseNumber(text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) throw new InvalidArgumentError("Not a number.");
  return n;
}

function parseBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (["true", "1", "yes", "on"].includes(t)) return true;
  if (["false", "0", "no", "off"].includes(t)) return false;
  throw new InvalidArgumentError("Use true or false.");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Parses one scalar according to its kind (used for flags, positionals and list items). */
export function parseScalar(kind: FieldKind | undefined, text: string, choices?: string[]): unknown {
  switch (kind) {
    case "number":
      return parseNumber(text);
    case "boolean":
      return parseBoolean(text);
    case "enum":
      if (choices && !choices.includes(text)) {
        throw new InvalidArgumentError(`Allowed values are ${choices.join(", ")}.`);
      }
      return text;
    case "json":
      return parseJson(text);
    default:
      return text;
  }
}

/** `a,b` and repeated flags both build one list. */
function listCollector(field: FieldInfo) {
  return (text: string, previous: unknown[] | undefined): unknown[] => {
    const items = text
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "")
      .map((s) => parseScalar(field.itemKind, s, field.choices));
    return [...(previous ?? []), ...items];
  };
}

/** `key=value` pairs (repeatable) build one object. */
function recordCollector(field: FieldInfo) {
  return (text: string, previous: Record<string, unknown> | undefined): Record<string, unknown> => {
    if (text.trim().startsWith("{")) return { ...(previous ?? {}), ...parseObject(text) };
    const eq = text.indexOf("=");
    if (eq <= 0) throw new InvalidArgumentError("Use key=value.");
    const key = text.slice(0, eq).trim();
    const raw = text.slice(eq + 1);
    const value =
      field.itemKind === "string" || field.itemKind === "enum" ? raw : parseScalar(field.itemKind ?? "json", raw);
    return { ...(previous ?? {}), [key]: value };
  };
}

function parseObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError("Not valid JSON.");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new InvalidArgumentError("Use a JSON object.");
  return value as Record<string, unknown>;
}

function placeholder(field: FieldInfo): string {
  const camel = field.name.replace(/[-_]([a-z])/g, (_, c: string) => c.toUpperCase());
  if (field.kind === "record") return "key=value";
  if (field.kind === "object") return "json";
  return camel;
}

function helpText(field: FieldInfo, aliases: string[], required: boolean, positional: boolean): string {
  const parts: string[] = [];
  if (field.description) parts.push(field.description);
  if (field.kind === "array") parts.push("(repeatable, or comma-separated)");
  if (field.kind === "record") parts.push("(repeatable key=value, or a JSON object)");
  if (field.kind === "object") parts.push("(JSON object)");
  if (aliases.length) parts.push(`(alias: ${aliases.map((a) => `--${a}`).join(", ")})`);
  if (required)
    parts.push(positional ? `(required; or give it as the <${placeholder(field)}> argument)` : "(required)");
  return parts.join(" ");
}

export interface BindOptions {
  /** Input fields not offered on the command line (set by the command itself). */
  exclude?: readonly string[];
  /** Required fields the command fills itself when absent (shown as optional). */
  optional?: readonly string[];
  /** Ignore the operation's positional metadata. */
  noPositional?: boolean;
}

/**
 * Adds one option per input field (kebab-case, plus the contract's aliases, which are hidden in
 * help but named in the description) and the operation's positional arguments.
 */
export function bindInput(cmd: Command, op: Operation, options: BindOptions = {}): InputBinding {
  const exclude = new Set(options.exclude ?? []);
  const optional = new Set(options.optional ?? []);
  const used = new Set<string>([...RESERVED_FLAGS, ...cmd.options.map((o) => (o.long ?? "").replace(/^--/, ""))]);
  const fields = describeInput(op.input).filter((f) => !exclude.has(f.name));
  const positional = options.noPositional ? [] : (op.cli?.positional ?? []).filter((p) => !exclude.has(p));
  const bindings: FieldBinding[] = [];

  for (const field of fields) {
    const required = field.required && !optional.has(field.name);
    const binding: FieldBinding = { field, attrs: [] };
    const flag = used.has(field.flag) ? `${field.flag}-value` : field.flag;
    used.add(flag);
    const aliases = (op.cli?.aliases?.[field.name] ?? []).filter((a) => !used.has(a));
    aliases.forEach((a) => used.add(a));

    const isPositional = positional.includes(field.name);
    const makeOption = (name: string, hidden: boolean): Option => {
      const help = helpText(field, hidden ? [] : aliases, required, isPositional);
      const o =
        field.kind === "boolean"
          ? new Option(`--${name}`, help)
          : new Option(`--${name} <${placeholder(field)}>`, help);
      if (field.kind === "number") o.argParser(parseNumber);
      else if (field.kind === "enum" && field.choices) o.choices(field.choices);
      else if (field.kind === "array") o.argParser(listCollector(field));
      else if (field.kind === "record") o.argParser(recordCollector(field));
      else if (field.kind === "object") o.argParser(parseObject);
      else if (field.kind === "json") o.argParser(parseJson);
      if (!hidden && field.defaultValue !== undefined && typeof field.defaultValue !== "object") {
        o.default(undefined, String(field.defaultValue));
      }
      if (hidden) o.hideHelp();
      return o;
    };

    for (const [i, name] of [flag, ...aliases].entries()) {
      const o = makeOption(name, i > 0);
      cmd.addOption(o);
      binding.attrs.push({ attr: o.attributeName(), flag: name });
    }
    if (field.kind === "boolean" && field.defaultValue === true && !used.has(`no-${flag}`)) {
      const neg = new Option(`--no-${flag}`, `Turn ${field.name} off`);
      cmd.addOption(neg);
      used.add(`no-${flag}`);
    }
    // `--description-file` for a field aliased `description`, `--content-file` for `content`, …
    const textNames = field.kind === "string" ? [flag, ...aliases].filter((n) => LONG_TEXT.test(n)) : [];
    const textName = textNames.find((n) => !n.includes("-")) ?? textNames[0];
    if (textName && !used.has(`${textName}-file`)) {
      const o = new Option(`--${textName}-file <path>`, `Read --${textName} from a file ("-" for stdin)`);
      cmd.addOption(o);
      used.add(`${textName}-file`);
      binding.fileAttr = o.attributeName();
      binding.fileFlag = `${textName}-file`;
    }
    if (field.kind === "object" && field.subFields) {
      binding.subAttrs = [];
      for (const sub of field.subFields) {
        if (used.has(sub.flag)) continue;
        used.add(sub.flag);
        const o =
          sub.kind === "boolean"
            ? new Option(`--${sub.flag}`, sub.description ?? `${field.name}.${sub.name}`)
            : new Option(`--${sub.flag} <${placeholder(sub)}>`, sub.description ?? `${field.name}.${sub.name}`);
        if (sub.kind === "number") o.argParser(parseNumber);
        else if (sub.kind === "enum" && sub.choices) o.choices(sub.choices);
        else if (sub.kind === "array") o.argParser(listCollector(sub));
        cmd.addOption(o);
        binding.subAttrs.push({ attr: o.attributeName(), field: sub });
      }
    }
    bindings.push(binding);
  }

  positional.forEach((name, index) => {
    const binding = bindings.find((b) => b.field.name === name);
    if (!binding) return;
    binding.position = index;
    const f = binding.field;
    const variadic = f.kind === "array" && index === positional.length - 1;
    const arg = new Argument(`[${placeholder(f)}${variadic ? "..." : ""}]`, f.description ?? "");
    if (f.kind === "number") arg.argParser(parseNumber);
    else if (f.kind === "enum" && f.choices) arg.choices(f.choices);
    cmd.addArgument(arg);
  });

  return { op, fields: bindings };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The flag (or argument) a user types for a field, for messages. */
export function flagFor(binding: InputBinding, fieldName: string): string {
  const b = binding.fields.find((f) => f.field.name === fieldName);
  if (!b) return fieldName;
  const first = b.attrs[0];
  return first ? `--${first.flag}` : fieldName;
}

/**
 * Assembles the operation input from parsed options and positional arguments. Flags and their
 * aliases that disagree are a usage error; list flags and a variadic positional are merged.
 */
export async function collectInput(
  binding: InputBinding,
  opts: Record<string, unknown>,
  args: unknown[],
  io?: IO,
): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const b of binding.fields) {
    const given: { source: string; value: unknown }[] = [];
    for (const { attr, flag } of b.attrs) {
      if (opts[attr] !== undefined) given.push({ source: `--${flag}`, value: opts[attr] });
    }
    if (b.position !== undefined && args[b.position] !== undefined) {
      const v = args[b.position];
      if (!(Array.isArray(v) && v.length === 0)) {
        let value = v;
        if (b.field.kind === "array") {
          value = (v as string[]).flatMap((s) => listCollector(b.field)(s, []));
        }
        given.push({ source: `argument <${placeholder(b.field)}>`, value });
      }
    }
    if (b.fileAttr && typeof opts[b.fileAttr] === "string") {
      const path = opts[b.fileAttr] as string;
      let text: string;
      if (path === "-") {
        if (!io) throw new UsageError("reading from stdin is not available here");
        text = await io.readStdin();
      } else {
        try {
          text = await readFile(path, "utf8");
        } catch (err) {
          throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
        }
      }
      given.push({ source: `--${b.fileFlag}`, value: text });
    }
    if (b.subAttrs?.length) {
      const sub: Record<string, unknown> = {};
      for (const { attr, field } of b.subAttrs) if (opts[attr] !== undefined) sub[field.name] = opts[attr];
      if (Object.keys(sub).length > 0) {
        const whole = given.find((g) => typeof g.value === "object");
        if (whole) whole.value = { ...(whole.value as object), ...sub };
        else given.push({ source: `--${b.field.flag}-*`, value: sub });
      }
    }
    if (given.length === 0) {
      // A `--no-<flag>` switch sets the field to false.
      const neg = opts[b.attrs[0]?.attr ?? ""];
      if (neg === false) input[b.field.name] = false;
      continue;
    }
    if (b.field.kind === "array") {
      input[b.field.name] = given.flatMap((g) => g.value as unknown[]);
      continue;
    }
    if (b.field.kind === "record") {
      input[b.field.name] = Object.assign({}, ...given.map((g) => g.value));
      continue;
    }
    const first = given[0] as { source: string; value: unknown };
    const conflict = given.find((g) => !sameValue(g.value, first.value));
    if (conflict) {
      throw new UsageError(`${first.source} and ${conflict.source} give different values; give only one`);
    }
    input[b.field.name] = first.value;
  }
  return input;
}

/** Fails with a usage error naming the flag (or argument) to add when a required field is missing. */
export function checkRequired(
  binding: InputBinding,
  input: Record<string, unknown>,
  optional: readonly string[] = [],
): void {
  for (const b of binding.fields) {
    if (!b.field.required || optional.includes(b.field.name)) continue;
    const v = input[b.field.name];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) continue;
    const flag = `--${b.attrs[0]?.flag ?? b.field.flag}`;
    const ph = placeholder(b.field);
    if (b.position !== undefined) {
      throw new UsageError(`missing <${ph}>: give it as an argument or with ${flag} <${ph}>`);
    }
    throw new UsageError(`missing required flag ${flag}${b.field.kind === "boolean" ? "" : ` <${ph}>`}`);
  }
}

/** Validates the assembled input with the operation's zod schema; issues name the flag to fix. */
export function validateInput(binding: InputBinding | null, op: Operation, input: Record<string, unknown>): void {
  const result = op.input.safeParse(input);
  if (result.success) return;
  const messages = result.error.issues.map((issue) => {
    const key = issue.path[0];
    if (typeof key !== "string") return issue.message;
    const rest = issue.path.slice(1).map(String);
    const flag = binding ? flagFor(binding, key) : `--${key}`;
    return `${flag}${rest.length ? ` (${rest.join(".")})` : ""}: ${issue.message}`;
  });
  throw new UsageError(messages.join("; "));
}
