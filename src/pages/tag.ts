import type { PageType } from "./page-type.ts";
import { listPageOf, type ListView } from "./list-view.ts";

/** Each tag's list of stories, newest first, paginated (`/tags/energy/`). */
export const tagPages: PageType<ListView> = {
  kind: "tag",
  template: "pages/list-page.njk",
  segments: ["tags"],
  inSitemap: true,
  *pages({ newsroom }) {
    for (const listPage of newsroom.tagPages) yield listPageOf(listPage);
  },
};
