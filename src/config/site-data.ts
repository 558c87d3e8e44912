// The `_data/` files as written, which both the settings and the editions read: kept apart so
// neither imports the other.

/** `_data/site.json`: the newsroom's identity and defaults. */
export interface SiteSettings {
  name: string;
  shortName: string;
  tagline: string;
  description: string;
  url: string;
  /** A custom domain for GitHub Pages (e.g. news.example.org); empty for <owner>.github.io/<repo>/. */
  customDomain: string;
  language: string;
  /** `<html lang>` of the default edition. */
  htmlLang: string;
  locale: string;
  /** luxon formats of the default edition's dates. */
  dateFormats: { dateline: string; short: string };
  timeZone: string;
  publisher: string;
  pageSize: number;
  homeLatestPerSection: number;
  /** Recommended Reading shows this many at a time; "Change it" shows the next set. */
  recommendedSetSize: number;
  /**
   * The deployed site is replaced by the next build within this many hours: the deploy
   * workflow's schedule (hourly) plus room for a run that starts late and for the build itself.
   * The Google News sitemap is a static file read until that next deploy, so it lists only
   * articles under `48 - rebuildWithinHours` hours old: none passes Google's 48 hours while it is
   * served. `tests/unit/deploy-workflow.test.ts` checks the schedule fits. Default 2 (a
   * `site.json` saved by a tool that drops fields it does not know still builds).
   */
  rebuildWithinHours: number;
  /**
   * Hosts besides the site's own whose pages (charts, maps) an article may embed, e.g. the
   * newsroom's graphics desk at `graphics.example.org`. Video comes from the known providers.
   */
  embedHosts?: string[];
  /** Brand images, kept in `_data/brand/` and published under `/assets/brand/`. */
  brand: {
    favicon: string;
    icon: string;
    logo: string;
    logoWidth: number;
    logoHeight: number;
    socialImage: string;
    socialImageAlt: string;
  };
}

/** One entry of `_data/sections.json`. */
export interface SectionSetting {
  key: string;
  label: string;
  description: string;
}
