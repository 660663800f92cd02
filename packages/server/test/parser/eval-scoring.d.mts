// Types for eval-scoring.mjs (shared by the vitest suite and bench/parser.mjs).
export interface EvalCase {
  id: string;
  split: string;
  text: string;
  expected: Record<string, unknown>;
}
export interface FieldOutcome {
  scored: boolean;
  tp: number;
  fp: number;
  fn: number;
  expected: unknown;
  predicted: unknown;
}
export interface FieldTotals {
  tp: number;
  fp: number;
  fn: number;
  support: number;
  predicted: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}
export interface ParsedLike {
  fields: Record<string, unknown>;
  derived: Record<string, unknown>;
}
export interface CaseResult {
  id: string;
  split: string;
  scores: Record<string, FieldOutcome>;
  parsed: ParsedLike;
  ms: number;
}
export const EVAL_DIR: string;
export const SCORED_FIELDS: string[];
export const TARGET_FIELDS: string[];
export const TARGET: number;
export function loadEvalSet(dir?: string): EvalCase[];
export function expectedValue(expected: Record<string, unknown>, field: string): unknown;
export function predictedValue(parsed: ParsedLike, field: string): unknown;
export function normText(s: unknown): string;
export function equalValues(field: string, e: unknown, p: unknown): boolean;
export function scoreCase(evalCase: EvalCase, parsed: ParsedLike, fields?: string[]): Record<string, FieldOutcome>;
export function aggregate(caseScores: Record<string, FieldOutcome>[], fields?: string[]): Record<string, FieldTotals>;
export function evaluate(
  parse: (text: string) => ParsedLike,
  cases?: EvalCase[],
): { cases: CaseResult[]; totals: Record<string, FieldTotals> };
export function formatTable(totals: Record<string, FieldTotals>, fields?: string[]): string;
export function listErrors(results: CaseResult[], fields?: string[]): string[];
