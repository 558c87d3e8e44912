import type { Article } from "../collections/published-article.ts";
import type { SectionSummary } from "../collections/newsroom.ts";
import type { PageType, PageView } from "./page-type.ts";
import { newestChange } from "./page-type.ts";
import { teaserOf, type Teaser } from "./teaser.ts";

export interface HomeView extends PageView {
  front: {
    lead?: Article;
    latest: Teaser[];
    sections: Array<Omit<SectionSummary, "latest"> & { latest: Teaser[] }>;
  };
}

/** Each edition's front page: the lead story, the latest, a block per section. */
export const homePages: PageType<HomeView> = {
  kind: "home",
  template: "pages/home.njk",
  segments: [],
  inSitemap: true,
  *pages({ newsroom }) {
    const editions = newsroom.editions.map((edition) => edition.edition);
    for (const { edition, lead, latest, sections, articles } of newsroom.editions) {
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
            latest: latest.map(teaserOf),
            sections: sections.map((section) => ({ ...section, latest: section.latest.map(teaserOf) })),
          },
        },
      };
    }
  },
};
