import type { ArchiveDayPage } from "../collections/archive.ts";
import type { PageType } from "./page-type.ts";
import { listPageOf, type ListView } from "./list-view.ts";

/** A day of the archive: its stories as teasers, paginated like a section, and the way back. */
export interface ArchiveDayView extends ListView {
  day: Omit<ArchiveDayPage, "listPage" | "lastmod">;
  archiveUrl: string;
}

/** Each day with stories (`/archive/2025/03/01/`, then `…/01/page/2/`), newest first. */
export const archiveDayPages: PageType<ArchiveDayView> = {
  kind: "archive day",
  template: "pages/archive-day.njk",
  segments: ["archive"],
  inSitemap: true,
  *pages({ newsroom }) {
    for (const { archive } of newsroom.editions) {
      for (const { listPage, lastmod, ...day } of archive.dayPages) {
        const page = listPageOf(listPage);
        yield { ...page, lastmod, view: { ...page.view, day, archiveUrl: archive.url } };
      }
    }
  },
};
