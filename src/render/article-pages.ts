import type { Environment } from "nunjucks";
import type { Article } from "../collections/published-article.ts";
import { pageKey, renderInLayout, type CachedPage } from "./page-cache.ts";
import type { SharedContext } from "./shared-context.ts";

/**
 * What of other articles an article page shows (neighbours, related list, tag labels and URLs,
 * translations, status, image): its own fields all derive from its file, named by its hash.
 */
function fromOthers(article: Article): string {
  return JSON.stringify([article.status, article.previous, article.next, article.related, article.tags, article.translations, article.defaultEditionUrl, article.image?.responsive?.fallback.url]);
}

/**
 * Every article page, rendered only when taken (`_includes/pages/article.njk` in
 * `layouts/base.njk`), its body read from the file then.
 */
export function* articlePages(environment: Environment, shared: SharedContext, bodyHtml: (article: Article) => string): Generator<CachedPage> {
  for (const article of shared.newsroom.articles) {
    yield {
      url: article.url,
      key: pageKey(shared.key, article.sourceHash, article.sourcePath, fromOthers(article)),
      render: () => renderInLayout(environment, "pages/article.njk", { ...shared.context, article, bodyHtml: bodyHtml(article), page: { url: article.url } }),
    };
  }
}
