import type { ArchiveYear } from "../collections/archive.ts";
import type { PageType, PageView } from "./page-type.ts";

/** The archive's index: each year with its months, their story counts and links. */
export interface ArchiveIndexView extends PageView {
  years: Array<Omit<ArchiveYear, "months"> & { months: Array<{ iso: string; label: string; url: string; count: number }> }>;
}

/** Each edition's archive by date (`/archive/`, `/zh/archive/`): years and months with their counts. */
export const archiveIndexPages: PageType<ArchiveIndexView> = {
  kind: "archive",
  template: "pages/archive-index.njk",
  segments: ["archive"],
  inSitemap: true,
  *pages({ newsroom }) {
    const others = newsroom.editions.map(({ edition, archive }) => ({ edition, url: archive.url }));
    for (const { edition, archive } of newsroom.editions) {
      yield {
        url: archive.url,
        lastmod: archive.lastmod,
        view: {
          edition,
          meta: { title: edition.ui.archive, description: edition.ui.archiveDescription, path: archive.url, type: "website" },
          head: {
            // Each edition's archive is the others' translation, as the front pages are.
            alternates:
              others.length > 1
                ? [...others.map((other) => ({ hreflang: other.edition.htmlLang, path: other.url })), { hreflang: "x-default", path: others[0]!.url }]
                : undefined,
            translations: others.filter((other) => other.edition !== edition).map((other) => ({ lang: other.edition.lang, url: other.url })),
          },
          years: archive.years.map(({ months, ...year }) => ({
            ...year,
            months: months.map(({ iso, label, url, count }) => ({ iso, label, url, count })),
          })),
        },
      };
    }
  },
};
