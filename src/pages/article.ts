import type { Article } from "../collections/published-article.ts";
import type { PageType, PageView } from "./page-type.ts";

export interface ArticleView extends PageView {
  article: Article;
  /** The body as HTML, read from the article's file when the page is rendered; keyed by the file's hash (`article.sourceHash`). */
  body: { html: () => string };
}

function scriptsOf(article: Article, recommendedSetSize: number): string[] | undefined {
  const scripts = [
    ...(article.related.length > recommendedSetSize ? ["/assets/js/recommended-reading.js"] : []),
    ...(article.embeds.length > 0 ? ["/assets/js/embed.js"] : []),
  ];
  return scripts.length > 0 ? scripts : undefined;
}

/** Every article page, draft and embargo previews included when the build shows them. */
export const articlePages: PageType<ArticleView> = {
  kind: "article",
  template: "pages/article.njk",
  headTemplate: "pages/article-head.njk",
  // An article's URL starts with its section's key, which is the section's own.
  segments: [],
  inSitemap: true,
  *pages({ newsroom, settings, bodyHtml }) {
    const { site } = settings;
    for (const article of newsroom.articles) {
      yield {
        url: article.url,
        lastmod: (article.updated ?? article.published).iso,
        view: {
          edition: article.edition,
          meta: article.meta,
          head: {
            noindex: article.status !== "published",
            alternates:
              article.translations.length > 0
                ? [
                    { hreflang: article.edition.htmlLang, path: article.url },
                    ...article.translations.map((translation) => ({ hreflang: translation.htmlLang, path: translation.url })),
                    { hreflang: "x-default", path: article.defaultEditionUrl },
                  ]
                : undefined,
            // Recommended Reading needs its script only when it has more than one set to show;
            // embeds need theirs to load a frame on the reader's click.
            scripts: scriptsOf(article, site.recommendedSetSize),
            frameSources: article.embeds.length > 0 ? [...new Set(article.embeds.map((embed) => embed.frameOrigin))] : undefined,
            // The 16x9 crop of the story's photo (the lead, else the first body photo).
            shareImage: article.share ? { url: article.share.crops[0]!.url, alt: article.share.alt } : undefined,
            section: article.sectionKey,
            translations: article.translations,
          },
          article,
          body: { html: () => bodyHtml(article) },
        },
      };
    }
  },
};
