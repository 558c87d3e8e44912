/**
 * One build at a time per output folder and per cache: a lock file naming the build that holds
 * it. Like Cargo's build-directory lock, a second build waits, saying for whom, and goes on when
 * the first is done. A lock whose build is no longer running (killed, or the machine restarted)
 * is recovered at once: the lock records the holder's process id and, on Linux, the process's
 * start time, so a reused process id is not mistaken for the holder.
 *
 * Not proper-lockfile: it judges a lock stale when its holder stops touching it for a few
 * seconds, and a build spends longer than that in synchronous work (reading 100,000 articles takes
 * 18 s), so a live build would lose its lock. Not flock: Node has no binding for it without a
 * native addon.
 */
import { readFileSync, rmSync, statSync, linkSync, writeFileSync, unlinkSync, mkdirSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** What a lock file says about the build holding it. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux `/proc/{pid}/stat`), if known. */
  processStart?: string;
  /** When it took the lock (ISO 8601). */
  since: string;
  /** The command it runs, for the waiting build's message. */
  command: string;
}

/** The start time of a process, which with its id names it uniquely (Linux only; else undefined). */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Whether the build a lock names is still running on this machine (a lock from another machine is assumed live). */
export function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const start = processStartTime(holder.pid);
  return !(holder.processStart && start && start !== holder.processStart);
}

function readHolder(lockFile: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, "utf8")) as LockHolder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // Unreadable or not JSON: a lock file is only ever linked into place whole, so this one was
    // damaged by something else; treat it as left by a build that is gone.
    return { pid: 0, host: hostname(), since: "", command: "unknown" };
  }
}

/** Makes `lockFile` ours if nobody holds it: written whole beside it, then linked in (fails if present). */
function tryTake(lockFile: string, holder: LockHolder): boolean {
  const temporary = `${lockFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(holder)}\n`);
  try {
    linkSync(temporary, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Removes a lock left by a build that is gone. Recoverers take turns through a second, short-lived
 * lock and look again under it, so one of them cannot delete a lock another has just taken.
 */
function removeStale(lockFile: string, stale: LockHolder, me: LockHolder): boolean {
  const turn = `${lockFile}.recovering`;
  if (!tryTake(turn, me)) {
    // A recoverer holds the turn for milliseconds; one killed while holding it left it behind.
    const age = Date.now() - (statSync(turn, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 10_000) rmSync(turn, { force: true });
    return false;
  }
  try {
    const now = readHolder(lockFile);
    if (!now || JSON.stringify(now) !== JSON.stringify(stale)) return false;
    unlinkSync(lockFile);
    return true;
  } finally {
    rmSync(turn, { force: true });
  }
}

export interface HeldLock {
  release(): void;
}

export interface LockEvents {
  /** Called once when the lock is held by a running build and this one starts waiting. */
  waiting?(holder: LockHolder): void;
  /** Called when a lock left by a build that is gone was removed. */
  recovered?(holder: LockHolder): void;
}

/** Takes `lockFile`, waiting while a running build holds it and recovering one left by a build that is gone. */
export async function acquireLock(lockFile: string, events: LockEvents = {}, pollMs = 200): Promise<HeldLock> {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    processStart: processStartTime(process.pid),
    since: new Date().toISOString(),
    command: [path.relative(process.cwd(), process.argv[1] ?? ""), ...process.argv.slice(2)].join(" "),
  };
  let waited = false;
  for (;;) {
    if (tryTake(lockFile, me)) break;
    const holder = readHolder(lockFile);
    if (!holder) continue; // released between our two looks
    if (!isRunning(holder)) {
      if (removeStale(lockFile, holder, me)) events.recovered?.(holder);
      else await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    if (!waited) events.waiting?.(holder);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return {
    release: () => {
      // Only our own lock: never one a later build took after ours was (wrongly) recovered.
      if (readHolder(lockFile)?.pid === me.pid) rmSync(lockFile, { force: true });
    },
  };
}
