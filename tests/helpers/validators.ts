import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { readFileSync } from "node:fs";
import { HtmlValidate, StaticConfigLoader, formatterFactory } from "html-validate";
import { listPages, projectRoot } from "./site.ts";

const run = promisify(execFile);
// The jar the vnu-jar package ships; run with the machine's own Java (nothing is downloaded).
const vnuJar = path.join(projectRoot, "node_modules/vnu-jar/build/dist/vnu.jar");

/** html-validate with the project's `.htmlvalidate.json` (the recommended preset) on every page. */
export async function runHtmlValidate(output: string): Promise<string> {
  // Built sites live in temporary folders, far from the project's config: load it explicitly.
  const config = JSON.parse(readFileSync(path.join(projectRoot, ".htmlvalidate.json"), "utf8"));
  const validator = new HtmlValidate(new StaticConfigLoader({ ...config, root: true }));
  const pages = await listPages(output);
  const results = [];
  for (const page of pages) {
    const report = await validator.validateFile(path.join(output, page));
    if (!report.valid) results.push(...report.results);
  }
  return results.length === 0 ? "" : formatterFactory("text")(results);
}

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
}

/** The W3C Nu HTML Checker (vnu-jar, run with the machine's Java) on every page: its errors. */
export async function runNuChecker(output: string): Promise<string[]> {
  try {
    await run("java", ["-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", output], {
      cwd: projectRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    return [];
  } catch (error) {
    const { stderr, code } = error as { stderr: string; code: number | string };
    if (code === "ENOENT") throw new Error("java not found: the Nu HTML Checker needs a Java runtime (.ci/run installs one)");
    const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
    return messages.map((message) => `${message.url.replace(/^file:/, "")}:${message.lastLine ?? 0}: ${message.message}`);
  }
}
