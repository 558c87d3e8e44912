import { MAX_SEGMENT_BYTES, segmentBytes } from "../slugs/slugs.ts";
import { quote } from "./problems.ts";

/** An example for every reason an alias is refused: what editors copy. */
const EXAMPLE = "e.g. /china/2025/02/old-slug/";

/** What an alias's check needs of the site: the folders it writes and the editions' prefixes. */
export interface AliasRules {
  /** The first URL segments the site writes itself (`tags`, `search`, `assets`…). */
  reservedSegments: readonly string[];
  /** Each edition's prefix (`/`, `/zh/`). */
  editionPrefixes: readonly string[];
  /** The section keys: `/china/` and `/china/page/2/` are the site's own list pages. */
  sectionKeys: readonly string[];
}

/**
 * Checks one old URL of a story (`aliases:`) and gives it as the site path the build writes
 * (percent-encoding decoded, as article URLs are kept), or why it is refused. An alias is a path
 * of this site as the story's old URL had it: from `/`, ending with `/`, without the origin,
 * query or fragment, and not a page or folder the site writes itself.
 * @example checkAlias("/china/2025/02/old-slug/", rules) // { path: "/china/2025/02/old-slug/" }
 */
export function checkAlias(raw: string, rules: AliasRules): { path: string } | { reason: string } {
  const given = raw.trim();
  const refuse = (why: string) => ({ reason: `${quote(given)} ${why}` });
  if (given === "") return { reason: `must not be empty; give the story's old site path, ${EXAMPLE}` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(given) || given.startsWith("//")) {
    let pathOnly = "/china/2025/02/old-slug/";
    try {
      pathOnly = new URL(given, "https://example.org").pathname;
    } catch {
      // keep the example
    }
    return refuse(`is a web address; give its site path alone, e.g. ${pathOnly}`);
  }
  if (!given.startsWith("/")) return refuse(`is not a site path: it starts with /, e.g. /${given.replace(/^\.?\/*/, "")}`);
  if (given.includes("\\")) return refuse('is not a site path: segments are separated by "/", not "\\"');
  if (/[?#]/.test(given)) return refuse(`is not a site path: no query or fragment ("?", "#"); ${EXAMPLE}`);
  if (/\s/.test(given)) return refuse(`is not a site path: it holds a space; ${EXAMPLE}`);
  if (!given.endsWith("/")) return refuse(`must end with "/", as the site's URLs do: ${quote(`${given}/`)}`);
  const segments: string[] = [];
  for (const segment of given.slice(1, -1).split("/")) {
    if (segment === "") return given === "/" ? refuse("is the front page") : refuse('is not a site path: no empty segments ("//")');
    if (segment === "." || segment === "..") return refuse('is not a site path: no "." or ".." segments');
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse(`has a broken percent-encoding in ${quote(segment)}; write the characters themselves`);
    }
    if (/[/\\?#\s]/.test(decoded) || decoded === "." || decoded === "..") return refuse(`is not a site path: ${quote(segment)} encodes a character no URL segment of the site holds`);
    if (segmentBytes(decoded) > MAX_SEGMENT_BYTES) return refuse(`has a segment of ${segmentBytes(decoded).toLocaleString("en")} bytes, more than the ${MAX_SEGMENT_BYTES} a folder name on disk allows`);
    segments.push(decoded);
  }
  const sitePath = `/${segments.map((segment) => `${segment}/`).join("")}`;
  // The part after an edition's prefix (`/zh/tags/` is the Chinese edition's tag index).
  const prefix = [...rules.editionPrefixes].sort((a, b) => b.length - a.length).find((candidate) => sitePath.startsWith(candidate)) ?? "/";
  const inEdition = sitePath.slice(prefix.length).split("/").filter(Boolean);
  const [first, second] = inEdition;
  if (first === undefined) return refuse("is an edition's front page, a page the site writes itself");
  if (rules.reservedSegments.includes(first)) {
    return refuse(`is under ${prefix}${first}/, a folder the site writes itself (${rules.reservedSegments.map((segment) => (segment.includes(".") ? `/${segment}` : `/${segment}/`)).join(", ")}); an alias is a story's old URL`);
  }
  if (rules.sectionKeys.includes(first) && (second === undefined || second === "page")) {
    return refuse(`is ${second === undefined ? "a section's front" : "a page of a section's list"}, a page the site writes itself; an alias is a story's old URL`);
  }
  return { path: sitePath };
}
