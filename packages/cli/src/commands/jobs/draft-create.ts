import { operations } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { collectInput } from "../../flags.js";
import type { RunFn } from "../types.js";
import { asObject, requestJob } from "./common.js";
import { canonicalBody, FILE_FORMATS, importBody, readText, type FileFormat, type ImportExtras } from "./import.js";
import { renderDraftReport } from "./render.js";

const op = operations.jobDraftsCreate;

/** Flag names for the input keys, in validation messages. */
const FLAG_OF: Record<string, string> = {
  rawJobDescription: "--description",
  job: "--canonical-file",
  jsonLd: "--import-file",
  xml: "--import-file",
  format: "--format",
  externalId: "--external-id",
  idempotencyKey: "--idempotency-key",
};

function given(v: unknown): v is string {
  return typeof v === "string";
}

/**
 * `opentrain jobs draft create`: a plain-text description (`--description`, `--text`,
 * `--description-file`, or stdin), a canonical job (`--canonical-file`) or an import file
 * (`--import-file`, format inferred or `--format`) → POST /job-drafts.
 */
export const run: RunFn = async (ctx, inv) => {
  const o = inv.opts;
  const flags = await collectInput(inv.binding!, o, inv.args, ctx.io);
  const readStdin = () => ctx.io.readStdin();

  const textSources = [
    given(o.description) ? "--description" : null,
    given(o.text) ? "--text" : null,
    given(o.descriptionFile) ? "--description-file" : null,
  ].filter((s): s is string => s !== null);
  const fileSources = [
    given(o.canonicalFile) ? "--canonical-file" : null,
    given(o.importFile) ? "--import-file" : null,
  ];
  const kinds = [textSources.length > 0 ? textSources.join("/") : null, ...fileSources].filter(
    (s): s is string => s !== null,
  );
  if (kinds.length > 1) throw new UsageError(`give only one of ${kinds.join(", ")}`);
  if (given(o.format) && !given(o.importFile)) {
    throw new UsageError("--format goes with --import-file");
  }
  if (given(o.format) && !(FILE_FORMATS as readonly string[]).includes(o.format)) {
    throw new UsageError(`--format: use one of ${FILE_FORMATS.join(", ")}`);
  }

  const input: Record<string, unknown> = {};
  let extras: ImportExtras = {};
  const title = given(o.title) ? o.title.trim() : undefined;
  if (given(o.canonicalFile)) {
    const r = canonicalBody(o.canonicalFile, await readText(o.canonicalFile, readStdin));
    if (title && r.body.format === "opentrain_canonical") r.body.job = { ...r.body.job, title };
    Object.assign(input, r.body);
    extras = r.extras;
  } else if (given(o.importFile)) {
    if (title) throw new UsageError("--title goes with a plain-text description or --canonical-file");
    const r = importBody(o.importFile, await readText(o.importFile, readStdin), o.format as FileFormat | undefined);
    Object.assign(input, r.body);
    extras = r.extras;
    if (r.inferred && ctx.io.stderrIsTTY && !ctx.json)
      ctx.io.eprintln(`Importing ${o.importFile} as ${r.body.format}.`);
  } else {
    const texts: { source: string; value: string }[] = [];
    if (given(o.description)) texts.push({ source: "--description", value: o.description });
    if (given(o.text)) texts.push({ source: "--text", value: o.text });
    if (given(o.descriptionFile)) {
      texts.push({ source: "--description-file", value: await readText(o.descriptionFile, readStdin) });
    }
    const distinct = [...new Set(texts.map((t) => t.value))];
    if (distinct.length > 1) throw new UsageError(`${texts.map((t) => t.source).join(" and ")} differ; give only one`);
    let description = distinct[0];
    if (description === undefined) {
      if (ctx.io.stdinIsTTY) {
        throw new UsageError(
          "no job description: give --description <text>, --description-file <path>, or pipe it on stdin " +
            "(or import with --canonical-file / --import-file)",
        );
      }
      description = await readStdin();
    }
    if (description.trim() === "") throw new UsageError("the job description is empty");
    input.rawJobDescription = title ? `${title}\n\n${description.trim()}` : description.trim();
  }
  const externalId = flags.externalId ?? extras.externalId;
  const idempotencyKey = flags.idempotencyKey ?? extras.idempotencyKey;
  if (externalId !== undefined) input.externalId = externalId;
  if (idempotencyKey !== undefined) input.idempotencyKey = idempotencyKey;

  const parsed = op.input.safeParse(input);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues
        .map((i) => {
          const key = typeof i.path[0] === "string" ? i.path[0] : undefined;
          return key ? `${FLAG_OF[key] ?? key}: ${i.message}` : i.message;
        })
        .join("; "),
    );
  }

  const res = await requestJob(ctx, op, input);
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  ctx.io.out(renderDraftReport(asObject(res.body), { created: true, replayed: res.status === 200 }));
};
