import type { PageType, PageView } from "./page-type.ts";
import { newestChange } from "./page-type.ts";
import { fillText } from "../config/editions.ts";

export interface AuthorIndexView extends PageView {
  authors: Array<{ name: string; url: string; role?: string; count: number }>;
}

/** Each edition's index of its reporters, with their roles and story counts (`/authors/`). */
export const authorIndexPages: PageType<AuthorIndexView> = {
  kind: "author index",
  template: "pages/author-index.njk",
  segments: ["authors"],
  inSitemap: true,
  *pages({ newsroom }) {
    for (const { edition, authors, articles } of newsroom.editions) {
      const url = `${edition.prefix}authors/`;
      const description = fillText(edition.ui.authorsDescription, { site: edition.name });
      yield {
        url,
        lastmod: newestChange(articles),
        view: {
          edition,
          meta: { title: edition.ui.authors, description, path: url, type: "website" },
          head: {},
          authors: authors.map(({ name, url, role, count }) => ({ name, url, role, count })),
        },
      };
    }
  },
};
