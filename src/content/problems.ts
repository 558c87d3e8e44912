/** One thing wrong with one article: printed as `file: field: reason`. */
export interface Problem {
  file: string;
  field: string;
  reason: string;
  severity: "error" | "warning";
}

/** `articles/2025/02/x.md: image.alt: required: ...` */
export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.field}: ${problem.reason}`;
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
