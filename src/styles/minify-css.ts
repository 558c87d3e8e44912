import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { browserslistToTargets, transform } from "lightningcss";
import type { EleventyConfig } from "@11ty/eleventy";

/** Browsers the stylesheet is lowered for (cascade layers and custom properties stay as written). */
const TARGETS = browserslistToTargets(["chrome 123", "firefox 120", "safari 17.5"]);

/** Minifies a stylesheet: what readers download is smaller than what developers read. */
export function minifyCss(source: string, filename = "main.css"): string {
  const { code } = transform({ filename, code: Buffer.from(source), minify: true, targets: TARGETS });
  return code.toString();
}

/** After each build, minifies the built copy of each stylesheet (`npm start` serves the sources as they are). */
export function minifyCssPlugin(eleventyConfig: EleventyConfig, options: { files: string[] }): void {
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    for (const file of options.files) {
      const built = path.join(directories.output, file);
      if (!existsSync(built)) continue;
      await writeFile(built, minifyCss(await readFile(built, "utf8"), path.basename(file)));
    }
  });
}
