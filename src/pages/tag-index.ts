import type { TagSummary } from "../collections/tags.ts";
import type { PageType, PageView } from "./page-type.ts";
import { newestChange } from "./page-type.ts";

export interface TagIndexView extends PageView {
  tags: TagSummary[];
}

/** Each edition's index of every tag with its count (`/tags/`). */
export const tagIndexPages: PageType<TagIndexView> = {
  kind: "tag index",
  template: "pages/tag-index.njk",
  segments: ["tags"],
  inSitemap: true,
  *pages({ newsroom }) {
    for (const { edition, tags, articles } of newsroom.editions) {
      const url = `${edition.prefix}tags/`;
      yield {
        url,
        lastmod: newestChange(articles),
        view: {
          edition,
          meta: { title: edition.ui.allTags, description: edition.ui.allTagsDescription, path: url, type: "website" },
          head: {},
          tags,
        },
      };
    }
  },
};
