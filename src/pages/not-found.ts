import type { PageType, PageView } from "./page-type.ts";

/**
 * The page hosts serve for an unknown address (`/404.html`, GitHub Pages' and most hosts'
 * convention), in the default edition. Not in the sitemap, and kept out of search engines.
 */
export const notFoundPages: PageType<PageView> = {
  kind: "not found",
  template: "pages/not-found.njk",
  segments: ["404.html"],
  inSitemap: false,
  *pages({ settings }) {
    const edition = settings.editions[0]!;
    yield {
      url: "/404.html",
      view: {
        edition,
        meta: {
          title: "Page not found",
          description: "There is no page at this address. Try the front page, a section or the list of tags.",
          path: "/404.html",
          type: "website",
        },
        head: { noindex: true },
      },
    };
  },
};
