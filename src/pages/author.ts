import type { AuthorSummary } from "../collections/authors.ts";
import type { PageType, Alternate } from "./page-type.ts";
import { listPageOf, type ListView } from "./list-view.ts";

/** An author page's view: the reporter, then their stories as a list page. */
export interface AuthorView extends ListView {
  author: Pick<AuthorSummary, "name" | "role" | "bio" | "links" | "photo">;
}

/**
 * Each reporter's page, their stories newest first, paginated (`/authors/li-wei/`,
 * `/authors/li-wei/page/2/`), in each edition where they have one (`collections/authors.ts`),
 * with an Atom and a JSON feed of their stories.
 */
export const authorPages: PageType<AuthorView> = {
  kind: "author",
  template: "pages/author.njk",
  segments: ["authors"],
  inSitemap: true,
  *pages({ newsroom }) {
    // The same reporter's page in each edition, for `hreflang` and the masthead's edition links.
    const pagesOf = new Map<string, Array<{ lang: string; htmlLang: string; url: string; isDefault: boolean }>>();
    for (const { edition, authors } of newsroom.editions) {
      for (const author of authors) {
        const list = pagesOf.get(author.key) ?? [];
        list.push({ lang: edition.lang, htmlLang: edition.htmlLang, url: author.url, isDefault: edition.isDefault });
        pagesOf.set(author.key, list);
      }
    }
    for (const { author, ...listPage } of newsroom.authorPages) {
      const { edition } = listPage;
      const feed = `${author.url}feed`;
      const inEditions = pagesOf.get(author.key)!;
      const first = listPage.pageNumber === undefined && inEditions.length > 1;
      const alternates: Alternate[] | undefined = first
        ? [
            ...inEditions.map((page) => ({ hreflang: page.htmlLang, path: page.url })),
            { hreflang: "x-default", path: (inEditions.find((page) => page.isDefault) ?? inEditions[0]!).url },
          ]
        : undefined;
      const page = listPageOf(listPage, {
        alternates,
        translations: first ? inEditions.filter((other) => other.lang !== edition.lang).map(({ lang, url }) => ({ lang, url })) : undefined,
        feeds: [
          { type: "application/atom+xml", title: `${author.name} | ${edition.name}`, path: `${feed}.xml` },
          { type: "application/feed+json", title: `${author.name} | ${edition.name} (JSON Feed)`, path: `${feed}.json` },
        ],
      });
      const { name, role, bio, links, photo } = author;
      yield { ...page, view: { ...page.view, author: { name, role, bio, links, photo } } };
    }
  },
};
