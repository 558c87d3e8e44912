// A Cloudflare Worker that serves a Broadsheet site from the R2 bucket tools/deploy-sync.sh
// publishes to, doing what a bare bucket does not: `/path/` from `path/index.html`, old URLs
// redirected as the build's `_redirects` lists them, and a miss answered with `404.html` and
// status 404. Plain ES module, no build step (README, "Object storage behind a CDN").
//
// Bindings (wrangler.toml): BUCKET, the R2 bucket holding the built folder at its root, and
// PATH_PREFIX, the one the site was built with ("/" unless it lives under a sub-path).

/** How long an isolate trusts its copy of `_redirects` before asking R2 whether it changed. */
const REDIRECTS_RECHECK_MS = 60_000;
/** What deploy-sync uploads pages with, for an object that came without a Cache-Control. */
const SHORT_CACHE = "public, max-age=300";

let redirects = { etag: null, table: new Map(), checkedAt: -Infinity };

export default {
  async fetch(request, env) {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response("Method Not Allowed\n", { status: 405, headers: { allow: "GET, HEAD" } });
    }
    const url = new URL(request.url);
    const path = decodePath(url.pathname);
    if (path === null) return notFound(request, env);

    const table = await redirectTable(env);
    const redirect = table.get(path) ?? table.get(`${path}/`); // an old URL typed without its slash too
    if (redirect) return Response.redirect(new URL(redirect.to + url.search, url).href, redirect.status);

    const key = objectKey(path, `/${env.PATH_PREFIX ?? ""}/`.replace(/\/+/g, "/")); // "newsroom" as "/newsroom/"
    if (key === null) return notFound(request, env);
    const object = (await read(env, key, request)) ?? (hasExtension(key) ? null : await read(env, `${key}/index.html`, request));
    if (object === null) return notFound(request, env);

    const headers = responseHeaders(object);
    headers.set("etag", object.httpEtag);
    if (matchesEtag(request.headers.get("if-none-match"), object.httpEtag)) {
      await object.body?.cancel();
      return new Response(null, { status: 304, headers });
    }
    return new Response(object.body ?? null, { status: 200, headers });
  },
};

/** The URL's path decoded (R2 keys are the files' own names), or null when it tries `..`. */
function decodePath(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding: no file has that name
  }
  return path.split(/[/\\]/).includes("..") || path.includes("\0") ? null : path;
}

/** The object's key for a site path under the prefix; a folder's is its index.html. */
function objectKey(path, prefix) {
  if (`${path}/` === prefix) path = prefix;
  if (!path.startsWith(prefix)) return null;
  const key = path.slice(prefix.length);
  if (key === "_redirects") return null; // read by this Worker, not a page
  return key === "" || key.endsWith("/") ? `${key}index.html` : key;
}

const hasExtension = (key) => /\.[^/]*$/.test(key);

/** GET reads the object, HEAD only its metadata; null when there is none. */
const read = (env, key, request) => (request.method === "HEAD" ? env.BUCKET.head(key) : env.BUCKET.get(key));

function responseHeaders(object) {
  const headers = new Headers();
  object.writeHttpMetadata(headers); // Content-Type and Cache-Control as deploy-sync uploaded them
  if (!headers.has("cache-control")) headers.set("cache-control", SHORT_CACHE);
  return headers;
}

/** If-None-Match's weak comparison (RFC 9110 13.1.2): a list of tags, `W/` ignored, or `*`. */
function matchesEtag(header, etag) {
  if (!header) return false;
  const strip = (tag) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

async function notFound(request, env) {
  const page = await read(env, "404.html", request);
  const headers = page ? responseHeaders(page) : new Headers({ "content-type": "text/plain; charset=utf-8" });
  return new Response(page ? (page.body ?? null) : "Not Found\n", { status: 404, headers });
}

/**
 * `_redirects` parsed once per isolate and kept while its etag holds: at most one conditional
 * read a minute, which brings the file's body only when a deploy changed it.
 */
async function redirectTable(env) {
  const now = Date.now();
  if (now - redirects.checkedAt < REDIRECTS_RECHECK_MS) return redirects.table;
  const object = await env.BUCKET.get("_redirects", redirects.etag ? { onlyIf: { etagDoesNotMatch: redirects.etag } } : {});
  if (object === null) redirects = { etag: null, table: new Map(), checkedAt: now };
  else if (!("body" in object)) redirects.checkedAt = now; // unchanged: R2 sent the metadata alone
  else redirects = { etag: object.etag, table: parseRedirects(await object.text()), checkedAt: now };
  return redirects.table;
}

/**
 * The lines src/sitemaps/redirects.ts writes, `FROM TO [STATUS]` (Netlify's format without its
 * splats and placeholders, which the build never writes), keyed by the decoded old path.
 */
export function parseRedirects(text) {
  const table = new Map();
  for (const line of text.split("\n")) {
    const [from, to, status = "301"] = line.trim().split(/\s+/);
    if (!from || from.startsWith("#") || !to || !/^30[12378]$/.test(status)) continue;
    const path = decodePath(from);
    if (path !== null) table.set(path, { to, status: Number(status) });
  }
  return table;
}
