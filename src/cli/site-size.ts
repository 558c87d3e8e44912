import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";

/** A built site as a host counts it: its files and their bytes. */
export interface SiteSize {
  bytes: number;
  files: number;
}

/** The published-site limits of the common static hosts (their documentation, 2026). */
export const HOST_LIMITS: ReadonlyArray<{ host: string; bytes?: number; files?: number }> = [
  { host: "GitHub Pages", bytes: 1e9 },
  { host: "GitLab Pages", bytes: 1e9 },
  { host: "Cloudflare Pages' free plan", files: 20_000 },
  { host: "Cloudflare Pages' paid plans", files: 100_000 },
];

/** A limit this near is warned of: an hourly-growing newsroom passes it within weeks. */
export const WARN_AT = 0.8;

/** Every file under `dir` and its bytes (a hard-linked file counts in full: a host uploads it whole). */
export function measureSite(dir: string): SiteSize {
  const size: SiteSize = { bytes: 0, files: 0 };
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        size.files++;
        size.bytes += lstatSync(file).size;
      }
    }
  };
  walk(dir);
  return size;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
const count = (value: number) => value.toLocaleString("en");
const gigabytes = (bytes: number) => `${(bytes / 1e9).toLocaleString("en", { maximumFractionDigits: 1 })} GB`;
const limitText = (limit: (typeof HOST_LIMITS)[number]) => (limit.bytes ? gigabytes(limit.bytes) : `${count(limit.files!)} files`);

/**
 * The build summary's line on the site's size and which hosts take it, and a warning for each
 * limit the site has passed or comes within `WARN_AT` of.
 */
export function hostReport(size: SiteSize): { line: string; warnings: string[] } {
  const fits: string[] = [];
  const warnings: string[] = [];
  for (const limit of HOST_LIMITS) {
    const used = limit.bytes ? size.bytes / limit.bytes : size.files / limit.files!;
    const what = limit.bytes ? megabytes(size.bytes) : `${count(size.files)} files`;
    if (used > 1) warnings.push(`the site (${what}) does not fit ${limit.host} (${limitText(limit)})`);
    else {
      fits.push(`${limit.host} (${limitText(limit)})`);
      if (used >= WARN_AT) warnings.push(`the site (${what}) is ${Math.round(used * 100)} % of what ${limit.host} takes (${limitText(limit)})`);
    }
  }
  const hosts = fits.length === 0 ? "none of the common hosts' limits" : fits.length === 1 ? fits[0]! : `${fits.slice(0, -1).join(", ")} and ${fits.at(-1)!}`;
  return { line: `the site is ${megabytes(size.bytes)} in ${count(size.files)} files; it fits ${hosts}`, warnings };
}
