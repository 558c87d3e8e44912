import type { Article } from "../collections/published-article.ts";
import type { PageType, PageView } from "./page-type.ts";

export interface RedirectView extends PageView {
  /** Where the story is now. */
  redirect: { url: string; title: string };
}

/** Every old URL (`aliases:`) of the stories this build publishes, with the story now at it: one pass over the articles. */
export function* aliasesOf(articles: readonly Article[]): Iterable<{ from: string; to: Article }> {
  for (const article of articles) for (const alias of article.aliases) yield { from: alias, to: article };
}

/**
 * A page at each old URL of a story (`aliases:` in its front matter) that sends readers on to
 * where it is now: a meta refresh (no script), a canonical link to the new URL, `noindex`, and a
 * plain link for a reader whose browser does not follow the refresh. Not in the sitemap. Its
 * URLs are old article URLs, which reserve no segment.
 */
export const redirectPages: PageType<RedirectView> = {
  kind: "redirect",
  template: "pages/redirect.njk",
  segments: [],
  inSitemap: false,
  *pages({ newsroom }) {
    for (const { from, to } of aliasesOf(newsroom.articles)) {
      yield {
        url: from,
        view: {
          edition: to.edition,
          // The canonical link and og:url name the story's new URL.
          meta: { title: to.title, description: to.summary, path: to.url, type: "website" },
          head: { noindex: true, redirectTo: to.url },
          redirect: { url: to.url, title: to.title },
        },
      };
    }
  },
};
