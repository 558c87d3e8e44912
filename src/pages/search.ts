import type { PageType, PageView } from "./page-type.ts";

export interface SearchView extends PageView {
  searchPage: { url: string; lang: string };
}

/**
 * Each edition's search page (`/search/`, `/zh/search/`): Pagefind indexes each language apart and
 * picks the index from `<html lang>`. Not in the sitemap: it has no content of its own.
 */
export const searchPages: PageType<SearchView> = {
  kind: "search",
  template: "pages/search.njk",
  segments: ["search"],
  inSitemap: false,
  *pages({ newsroom }) {
    for (const { edition } of newsroom.editions) {
      const url = `${edition.prefix}search/`;
      yield {
        url,
        view: {
          edition,
          meta: { title: edition.ui.search, description: edition.ui.searchDescription, path: url, type: "website" },
          // Pagefind compiles its WebAssembly engine: the search page's policy allows that.
          head: { policy: "search", scripts: ["/assets/js/search-page.js"], styles: ["/assets/css/search.css"], hideSearchForm: true },
          searchPage: { url, lang: edition.lang },
        },
      };
    }
  },
};
