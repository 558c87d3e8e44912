import { escapeInvisible } from "./clean-text.ts";

/** One thing wrong with one article: printed as `file: field: reason`. */
export interface Problem {
  file: string;
  field: string;
  reason: string;
  severity: "error" | "warning";
}

/** How much of a value a problem quotes: enough to find it, never a whole pasted chapter. */
export const EXCERPT_LENGTH = 60;

/**
 * Input as a problem shows it: at most `max` characters (never half of one), ending in "…"
 * when cut, with tabs, line breaks and forbidden characters written as escapes so one problem
 * stays one line a terminal shows as it is.
 * @example excerpt("a".repeat(100), 5) // "aaaaa…"
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return escapeInvisible(text);
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a pair's first half goes with its second
  return `${escapeInvisible(text.slice(0, end))}…`;
}

/**
 * A value quoted in a problem's reason: its excerpt in double quotes, followed by its length
 * when it was cut, so a 5 MB value costs a report line of about 90 characters.
 * @example quote("March 1st") // '"March 1st"'
 * @example quote("x".repeat(5_000_000)) // '"xxxx…" (5,000,000 characters)'
 */
export function quote(value: string, max = EXCERPT_LENGTH): string {
  const shown = `"${excerpt(value, max)}"`;
  return value.length > max ? `${shown} (${value.length.toLocaleString("en")} characters)` : shown;
}

/** A field name as a problem shows it: written out when empty, cut and escaped like any other input. */
export function fieldName(name: string): string {
  return name === "" ? '""' : excerpt(name);
}

/** `articles/2025/02/x.md: image.alt: required: ...` */
export function formatProblem(problem: Problem): string {
  // The reasons quote input through `quote`; escaping the whole line again is a safety net
  // (a file name may carry a control character too).
  return escapeInvisible(`${problem.file}: ${problem.field}: ${problem.reason}`);
}

/** Thrown when articles break the contract; carries every problem found, not just the first. */
export class ArticleContractError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    const errors = problems.filter((problem) => problem.severity === "error");
    const warnings = problems.filter((problem) => problem.severity === "warning");
    super(
      [
        `${errors.length} problem${errors.length === 1 ? "" : "s"} in the articles; nothing was written:`,
        ...errors.map((problem) => `  ${formatProblem(problem)}`),
        ...warnings.map((problem) => `  warning: ${formatProblem(problem)}`),
      ].join("\n"),
    );
    this.name = "ArticleContractError";
  }
}
