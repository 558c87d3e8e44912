import type { ListPage } from "../collections/pagination.ts";
import type { Page, PageHead, PageView } from "./page-type.ts";
import { newestChange } from "./page-type.ts";
import { teaserOf, type Teaser } from "./teaser.ts";

/** A section or tag page's view: the page of the list, its articles as teasers. */
export interface ListView extends PageView {
  listPage: Omit<ListPage, "items"> & { items: Teaser[] };
}

/** One page of a section or tag list, with what its kind adds to `<head>`. */
export function listPageOf(listPage: ListPage, head: PageHead = {}): Page<ListView> {
  const { items, ...own } = listPage;
  return {
    url: listPage.url,
    lastmod: newestChange(items),
    view: {
      edition: listPage.edition,
      meta: listPage.meta,
      head: { previousUrl: listPage.previousUrl, nextUrl: listPage.nextUrl, ...head },
      listPage: { ...own, items: items.map(teaserOf) },
    },
  };
}
