/**
 * The build's output reaches its reader whole. On a pipe (every CI log) Node writes
 * asynchronously, and `process.exit` drops what the pipe has not taken yet: a report of 300
 * broken articles stopped after 64 KiB. And a reader that goes early (`npm run build | head`) must
 * not turn a good build into a crash.
 */

const gone = new Set(["EPIPE", "ERR_STREAM_DESTROYED", "ECONNRESET"]);

/** A closed stdout or stderr is ignored: the build goes on and its exit code still tells. */
export function tolerateClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (!gone.has(error.code ?? "")) throw error;
    });
  }
}

/** Resolves once everything written to `stream` so far has been handed to the system (or the reader is gone). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write("", () => resolve());
  });
}

/** Writes `text` to stderr and exits with `code` only when stdout and stderr have taken all of it. */
export async function exitAfterWriting(text: string, code: number): Promise<never> {
  if (!process.stderr.destroyed) process.stderr.write(text);
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}
