import type { Article } from "../collections/published-article.ts";
import type { SectionSummary } from "../collections/newsroom.ts";
import type { BreakingNews } from "../collections/front-page.ts";
import type { PageType, PageView } from "./page-type.ts";
import { newestChange } from "./page-type.ts";
import { teaserOf, type Teaser } from "./teaser.ts";

export interface HomeView extends PageView {
  front: {
    lead?: Article;
    /** The editors' top stories, in their order (`_data/front.json`). */
    top: Teaser[];
    latest: Teaser[];
    /** The breaking-news strip at the top of the page, until it expires. */
    breaking?: BreakingNews;
    sections: Array<Omit<SectionSummary, "latest"> & { latest: Teaser[] }>;
  };
}

/** Each edition's front page: the breaking strip, the lead story, the top stories, the latest, a block per section. */
export const homePages: PageType<HomeView> = {
  kind: "home",
  template: "pages/home.njk",
  segments: [],
  inSitemap: true,
  *pages({ newsroom }) {
    const editions = newsroom.editions.map((edition) => edition.edition);
    for (const { edition, lead, top, latest, breaking, sections, articles } of newsroom.editions) {
      yield {
        url: edition.prefix,
        lastmod: newestChange(articles),
        view: {
          edition,
          meta: { title: "", description: edition.description, path: edition.prefix, type: "website" },
          head: {
            // Each edition's front page is the others' translation.
            alternates:
              editions.length > 1
                ? [...editions.map((other) => ({ hreflang: other.htmlLang, path: other.prefix })), { hreflang: "x-default", path: editions[0]!.prefix }]
                : undefined,
          },
          front: {
            lead,
            top: top.map(teaserOf),
            latest: latest.map(teaserOf),
            breaking,
            sections: sections.map((section) => ({ ...section, latest: section.latest.map(teaserOf) })),
          },
        },
      };
    }
  },
};
