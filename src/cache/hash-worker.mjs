// Checks cached files against the hashes they were written with, in a worker thread so a build's
// own thread can do other work meanwhile (see `checkInBackground` in integrity.ts). Plain
// JavaScript, so the thread starts without a TypeScript loader.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

/** @type {Array<[file: string, expected: string]>} each file and the start of its expected SHA-256 in hex */
const files = workerData.files;
const intact = [];
for (const [file, expected] of files) {
  try {
    if (createHash("sha256").update(readFileSync(file)).digest("hex").startsWith(expected)) intact.push(file);
  } catch {
    // gone or unreadable: not intact
  }
}
parentPort.postMessage(intact);
