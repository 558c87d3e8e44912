import type { EleventyConfig } from "@11ty/eleventy";

/**
 * The Content-Security-Policy every page carries as a `<meta>` tag: only the site's own files,
 * no inline script or style, no plugins. A host that can send headers should send the same
 * policy as a header too (it then also covers `frame-ancestors`, which a meta tag cannot).
 * The layout prints it unescaped: it is ours, and each quote escaped as `&#39;` cost 4 bytes more.
 */
const PAGE_POLICY: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

/** The search page adds what Pagefind needs: compiling its WebAssembly search engine. */
const SEARCH_ADDITIONS: Record<string, string[]> = {
  "script-src": ["'wasm-unsafe-eval'"],
};

/**
 * The policy as one header value.
 * @example contentSecurityPolicy("page") // "default-src 'self'; script-src 'self'; ..."
 */
export function contentSecurityPolicy(kind: "page" | "search"): string {
  return Object.entries(PAGE_POLICY)
    .map(([directive, sources]) => {
      const extra = kind === "search" ? (SEARCH_ADDITIONS[directive] ?? []) : [];
      return `${directive} ${[...sources, ...extra].join(" ")}`;
    })
    .join("; ");
}

/** The policies the base layout reads as `csp.page` and `csp.search`. */
export const PAGE_POLICIES = { page: contentSecurityPolicy("page"), search: contentSecurityPolicy("search") };

/** Makes `csp.page` and `csp.search` available to the pages Eleventy renders. */
export function contentSecurityPolicyPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("csp", PAGE_POLICIES);
}
