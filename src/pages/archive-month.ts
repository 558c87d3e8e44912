import type { ArchiveMonth } from "../collections/archive.ts";
import { fillText } from "../config/editions.ts";
import type { PageType, PageView } from "./page-type.ts";

/** A month of the archive: its days with stories, each with its count and page. */
export interface ArchiveMonthView extends PageView {
  month: Omit<ArchiveMonth, "lastmod">;
  archiveUrl: string;
}

/** Each month with stories (`/archive/2025/03/`): its days, newest first. */
export const archiveMonthPages: PageType<ArchiveMonthView> = {
  kind: "archive month",
  template: "pages/archive-month.njk",
  segments: ["archive"],
  inSitemap: true,
  *pages({ newsroom }) {
    for (const { edition, archive } of newsroom.editions) {
      for (const year of archive.years) {
        for (const { lastmod, ...month } of year.months) {
          yield {
            url: month.url,
            lastmod,
            view: {
              edition,
              meta: {
                title: `${month.heading} | ${edition.ui.archive}`,
                description: fillText(edition.ui.archiveMonthDescription, { month: month.heading }),
                path: month.url,
                type: "website",
              },
              head: {},
              month,
              archiveUrl: archive.url,
            },
          };
        }
      }
    }
  },
};
