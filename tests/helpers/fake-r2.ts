import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "./site.ts";

// A stand-in for a Cloudflare R2 bucket binding (get, head, R2Conditional's etagDoesNotMatch)
// over a built site's folder, holding each file as tools/deploy-sync.sh would have uploaded it:
// its MD5 as the etag (S3's and R2's for a single-part upload), Content-Type from the extension
// (what rclone's table gives the site's kinds of file) and Cache-Control by the script's own rules,
// read from the script so a change there reaches these tests.

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "text/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

/** deploy-sync's content-named filters (`--filter "+ GLOB"`) and its two Cache-Control values. */
function deploySyncCaching(): { contentNamed: RegExp[]; immutable: string; short: string } {
  const script = readFileSync(path.join(projectRoot, "tools/deploy-sync.sh"), "utf8");
  const globs = [.../^content_named=\((.*)\)$/m.exec(script)![1]!.matchAll(/--filter "\+ ([^"]+)"/g)].map((match) => match[1]!);
  const [immutable, short] = [...script.matchAll(/--header-upload "Cache-Control: ([^"]+)"/g)].map((match) => match[1]!);
  if (globs.length === 0 || !immutable || !short) throw new Error("tools/deploy-sync.sh no longer has the filters and headers this fake reads");
  return { contentNamed: globs.map(rcloneGlob), immutable, short };
}

/** An rclone filter glob as a RegExp over a key: `/` anchors it at the root, `**` crosses folders. */
function rcloneGlob(glob: string): RegExp {
  const body = glob.replace(/^\//, "").replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*|\*|\?/g, (wild) => (wild === "**" ? ".*" : wild === "*" ? "[^/]*" : "[^/]"));
  return new RegExp(glob.startsWith("/") ? `^${body}$` : `(^|/)${body}$`);
}

export interface FakeR2Object {
  key: string;
  etag: string;
  httpEtag: string;
  size: number;
  httpMetadata: { contentType: string; cacheControl: string };
  writeHttpMetadata(headers: Headers): void;
  body?: ReadableStream<Uint8Array>;
  text?(): Promise<string>;
}

export class FakeR2Bucket {
  /** Every key asked for, in order, so a test can see what reached the bucket. */
  readonly requested: string[] = [];
  /** The keys whose bodies were sent, in order (a HEAD or a failed condition sends none). */
  readonly sent: string[] = [];
  private readonly caching = deploySyncCaching();
  /** Objects a test wrote over the folder's files, as a deploy would. */
  private readonly written = new Map<string, Buffer>();

  constructor(readonly root: string) {}

  async head(key: string): Promise<FakeR2Object | null> {
    return this.lookup(key, false);
  }

  async get(key: string, options: { onlyIf?: { etagDoesNotMatch?: string } } = {}): Promise<FakeR2Object | null> {
    return this.lookup(key, true, options.onlyIf?.etagDoesNotMatch);
  }

  /** As R2's put: replaces (or adds) an object, here in memory only; the folder is left as built. */
  async put(key: string, text: string): Promise<void> {
    this.written.set(key, Buffer.from(text));
  }

  /** The Cache-Control deploy-sync uploads `key` with. */
  private cacheControlOf(key: string): string {
    return this.caching.contentNamed.some((rule) => rule.test(key)) ? this.caching.immutable : this.caching.short;
  }

  private async lookup(key: string, withBody: boolean, etagDoesNotMatch?: string): Promise<FakeR2Object | null> {
    this.requested.push(key);
    const file = path.resolve(this.root, key);
    // A bucket is flat: no key reaches outside it. A Worker asking for one here is a bug to see.
    if (!file.startsWith(this.root + path.sep)) throw new Error(`the Worker asked for ${JSON.stringify(key)}, outside the bucket`);
    // Nor is any folder: `a//b`, `a/./b` or `` are keys of their own, which the site never has.
    if (path.posix.normalize(key) !== key || key.endsWith("/")) return null;
    const info = this.written.has(key) ? undefined : await stat(file).catch(() => undefined);
    if (!this.written.has(key) && !info?.isFile()) return null;
    const bytes = this.written.get(key) ?? (await readFile(file));
    const etag = createHash("md5").update(bytes).digest("hex");
    const httpMetadata = { contentType: TYPES[path.extname(key)] ?? "application/octet-stream", cacheControl: this.cacheControlOf(key) };
    const object: FakeR2Object = {
      key,
      etag,
      httpEtag: `"${etag}"`,
      size: bytes.length,
      httpMetadata,
      writeHttpMetadata(headers) {
        headers.set("content-type", httpMetadata.contentType);
        headers.set("cache-control", httpMetadata.cacheControl);
      },
    };
    // As R2: a failed condition gives the object's metadata without its body.
    if (!withBody || etagDoesNotMatch === etag) return object;
    this.sent.push(key);
    object.body = new Blob([new Uint8Array(bytes)]).stream();
    object.text = async () => bytes.toString("utf8");
    return object;
  }
}
