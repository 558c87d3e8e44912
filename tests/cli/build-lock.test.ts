import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, isRunning, processStartTime, type LockHolder } from "../../src/cli/build-lock.ts";

const lockIn = () => path.join(mkdtempSync(path.join(tmpdir(), "broadsheet-lock-")), "build.lock");
const holder = (fields: Partial<LockHolder>): LockHolder => ({ pid: process.pid, host: hostname(), since: "2026-12-01T00:00:00Z", command: "test", ...fields });
/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;

describe("the build lock", () => {
  it("is taken when free, names its holder, and is removed on release", async () => {
    const file = lockIn();
    const lock = await acquireLock(file);
    const written = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    expect(written.pid).toBe(process.pid);
    expect(written.host).toBe(hostname());
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it("makes a second build wait, with one message naming the first, until the first releases it", async () => {
    const file = lockIn();
    const first = await acquireLock(file);
    const waits: LockHolder[] = [];
    let second = false;
    const taking = acquireLock(file, { waiting: (by) => waits.push(by) }, 20).then((lock) => {
      second = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second).toBe(false);
    expect(waits.map((by) => by.pid)).toEqual([process.pid]);
    first.release();
    (await taking).release();
    expect(second).toBe(true);
    expect(waits).toHaveLength(1);
  });

  it("recovers at once a lock left by a build that is no longer running", async () => {
    const file = lockIn();
    const gone = holder({ pid: Number(deadPid()) });
    writeFileSync(file, JSON.stringify(gone));
    const recovered: LockHolder[] = [];
    const lock = await acquireLock(file, { recovered: (by) => recovered.push(by), waiting: () => expect.fail("must not wait for a dead build") });
    expect(recovered).toEqual([gone]);
    expect((JSON.parse(readFileSync(file, "utf8")) as LockHolder).pid).toBe(process.pid);
    lock.release();
  });

  it("does not mistake a process that reused the id for the holder (Linux start times)", () => {
    if (!processStartTime(process.pid)) return; // not Linux: only the process id is known
    expect(isRunning(holder({ processStart: processStartTime(process.pid) }))).toBe(true);
    expect(isRunning(holder({ processStart: "1" }))).toBe(false);
  });

  it("recovers a damaged lock file, and one of another machine is left alone", async () => {
    const file = lockIn();
    writeFileSync(file, "{ not json");
    (await acquireLock(file, { waiting: () => expect.fail("must not wait for a damaged lock") })).release();
    expect(isRunning(holder({ host: `${hostname()}-elsewhere`, pid: Number(deadPid()) }))).toBe(true);
  });

  it("lets exactly one of many builds that find the same dead lock take it", async () => {
    const file = lockIn();
    writeFileSync(file, JSON.stringify(holder({ pid: Number(deadPid()) })));
    // Many takers in one process share a pid, so each takes it in turn: no two at once.
    let holding = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const lock = await acquireLock(file, {}, 5);
        holding++;
        most = Math.max(most, holding);
        await new Promise((resolve) => setTimeout(resolve, 10));
        holding--;
        lock.release();
      }),
    );
    expect(most).toBe(1);
  });
});
