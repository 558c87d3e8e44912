/** Types of heap-limit.mjs (plain JavaScript, so the build's launcher needs no TypeScript loader). */
export function heapLimitMb(articleFiles: number): number;
export function givenHeapLimitMb(execArgv?: readonly string[], nodeOptions?: string): number | undefined;
