import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

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

/**
 * Serves a built site as a static host would: under `pathPrefix`, `dir/` as `dir/index.html`,
 * and the site's 404.html with status 404 for anything else.
 */
export async function serveSite(root: string, pathPrefix = "/"): Promise<StaticServer> {
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
    response.writeHead(found ? 200 : 404, { "content-type": TYPES[path.extname(served)] ?? "application/octet-stream" });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
