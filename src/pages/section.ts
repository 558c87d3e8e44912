import type { PageType } from "./page-type.ts";
import { listPageOf, type ListView } from "./list-view.ts";

/** Each section's list of stories, newest first, paginated (`/china/`, `/china/page/2/`). */
export const sectionPages: PageType<ListView> = {
  kind: "section",
  template: "pages/list-page.njk",
  // `page` is the segment of every list's later pages (`/china/page/2/`), kept from section keys.
  segments: ["page"],
  inSitemap: true,
  *pages({ newsroom }) {
    for (const listPage of newsroom.sectionPages) {
      const { edition, heading, key } = listPage;
      const feed = `${edition.prefix}${key}/feed`;
      yield listPageOf(listPage, {
        section: key,
        feeds: [
          { type: "application/atom+xml", title: `${heading} | ${edition.name}`, path: `${feed}.xml` },
          { type: "application/feed+json", title: `${heading} | ${edition.name} (JSON Feed)`, path: `${feed}.json` },
        ],
      });
    }
  },
};
