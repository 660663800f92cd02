export { run, main } from "./main.js";
export { buildProgram } from "./program.js";
export { IO, type TestIO, type IOOptions } from "./io.js";
export { Context, type CliDeps, type GlobalOptions } from "./context.js";
export { UsageError, CliError, reportError, formatApiError, noTokenError } from "./errors.js";
export { bindInput, collectInput, checkRequired, validateInput } from "./flags.js";
export { describeInput, kebabCase } from "./fields.js";
