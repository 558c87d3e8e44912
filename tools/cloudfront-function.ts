/**
 * The CloudFront Function for a site in S3 (deploy/cloudfront/index-rewrite.js) with the site's
 * `_redirects` written into it: a CloudFront Function cannot read the bucket, so its redirects
 * are code, made again by every deploy. `node --import tsx tools/cloudfront-function.ts SITE`
 * prints it for `aws cloudfront update-function`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const FUNCTION_SOURCE = path.resolve(import.meta.dirname, "../deploy/cloudfront/index-rewrite.js");
/** CloudFront Functions' limit on a function's code: past it, `update-function` refuses it. */
export const MAX_FUNCTION_BYTES = 10 * 1024;
const PLACEHOLDER = /^var REDIRECTS = \{\};.*$/m;

/**
 * `_redirects` as the function's table: each old path decoded (the function decodes the request's
 * too), with where it goes and the status; comments, blank lines and statuses other than a
 * redirect's skipped, as Netlify's format has them.
 */
export function redirectTable(redirects: string): Record<string, [string, number]> {
  const table: Record<string, [string, number]> = {};
  for (const line of redirects.split("\n")) {
    const [from, to, status = "301"] = line.trim().split(/\s+/);
    if (!from || from.startsWith("#") || !to || !/^30[12378]$/.test(status)) continue;
    table[decodeURIComponent(from)] = [to, Number(status)];
  }
  return table;
}

/** The function's code with the table in place of its empty one; throws past CloudFront's size limit. */
export function cloudFrontFunction(redirects: string, source = readFileSync(FUNCTION_SOURCE, "utf8")): string {
  if (!PLACEHOLDER.test(source)) throw new Error(`${FUNCTION_SOURCE} no longer has the line "var REDIRECTS = {};" to fill in`);
  const table = redirectTable(redirects);
  const code = source.replace(PLACEHOLDER, () => `var REDIRECTS = ${JSON.stringify(table)};`);
  const bytes = Buffer.byteLength(code);
  if (bytes > MAX_FUNCTION_BYTES) {
    throw new Error(
      `${Object.keys(table).length} redirects make the CloudFront Function ${bytes} bytes, over CloudFront Functions' ${MAX_FUNCTION_BYTES}: ` +
        "the old URLs' redirect pages still send readers on; a CloudFront KeyValueStore would hold the table instead",
    );
  }
  return code;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const site = process.argv[2] ?? "_site";
  const file = path.join(site, "_redirects");
  try {
    process.stdout.write(cloudFrontFunction(existsSync(file) ? readFileSync(file, "utf8") : ""));
  } catch (error) {
    console.error(`[cloudfront-function] ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
