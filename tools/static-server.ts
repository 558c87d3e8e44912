import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

// What a static host compresses on the fly; Pagefind's index files arrive compressed already.
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".wasm"]);

/**
 * Serves a built site as a static host would: under `pathPrefix`, `dir/` as `dir/index.html`,
 * the site's 404.html with status 404 for anything else, and (with `gzip`) text compressed.
 * Used by the browser tests and the measurements; not a production server.
 */
export async function serveSite(root: string, pathPrefix = "/", options: { gzip?: boolean } = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let file: string | undefined;
    if (url.pathname.startsWith(pathPrefix)) {
      const relative = decodeURIComponent(url.pathname.slice(pathPrefix.length));
      const candidate = path.join(root, relative);
      if (candidate.startsWith(root)) {
        if (existsSync(candidate) && statSync(candidate).isDirectory()) file = path.join(candidate, "index.html");
        else file = candidate;
      }
    }
    const found = file !== undefined && existsSync(file) && statSync(file).isFile();
    const served = found ? file! : path.join(root, "404.html");
    const headers: Record<string, string> = { "content-type": TYPES[path.extname(served)] ?? "application/octet-stream" };
    if (options.gzip && COMPRESSIBLE.has(path.extname(served)) && /\bgzip\b/.test(String(request.headers["accept-encoding"]))) {
      response.writeHead(found ? 200 : 404, { ...headers, "content-encoding": "gzip" });
      response.end(gzipSync(readFileSync(served)));
      return;
    }
    response.writeHead(found ? 200 : 404, headers);
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
