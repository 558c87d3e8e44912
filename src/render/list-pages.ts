import type { Environment } from "nunjucks";
import type { ListPage } from "../collections/pagination.ts";
import { pageKey, renderInLayout, type CachedPage } from "./page-cache.ts";
import type { SharedContext } from "./shared-context.ts";

/**
 * What a list page shows: its own fields (the edition is in the shared key) and, of each
 * teaser, what `partials/article-list.njk` prints.
 */
function shownOn(listPage: ListPage): string {
  const { edition: _edition, items, ...own } = listPage;
  const teasers = items.map((item) => [item.url, item.title, item.status, item.sectionUrl, item.sectionLabel, item.published.iso, item.published.short, item.summary]);
  return JSON.stringify([own, teasers]);
}

/** Every section and tag page, rendered only when taken (`_includes/pages/list-page.njk` in `layouts/base.njk`). */
export function* listPages(environment: Environment, shared: SharedContext): Generator<CachedPage> {
  for (const listPage of [...shared.newsroom.sectionPages, ...shared.newsroom.tagPages]) {
    yield {
      url: listPage.url,
      key: pageKey(shared.key, shownOn(listPage)),
      render: () => renderInLayout(environment, "pages/list-page.njk", { ...shared.context, listPage, page: { url: listPage.url } }),
    };
  }
}
