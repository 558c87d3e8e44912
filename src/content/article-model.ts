import type MarkdownIt from "markdown-it";
import type { DateTime } from "luxon";
import type { FrontMatterSchema } from "./front-matter.ts";
import type { Settings } from "../config/site-settings.ts";
import type { Edition } from "../config/editions.ts";
import type { PageMeta } from "./page-meta.ts";
import type { ResponsiveImage } from "../images/article-images.ts";

/** A date as the pages need it: the instant with offset, and the text readers see. */
export interface DisplayDate {
  iso: string;
  dateline: string;
  short: string;
}

export interface ArticleImage {
  /** As written in the front matter: a path relative to the article's file. */
  src: string;
  /** The image file on disk. */
  file: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** Filled once per build by the image plugin. */
  responsive?: ResponsiveImage;
}

export type PublicationStatus = "published" | "draft" | "embargoed";

/** A link to an article, as lists and previous/next show it. */
export interface ArticleLink {
  title: string;
  url: string;
}

/** What Recommended Reading shows of another article. */
export interface RelatedLink {
  title: string;
  url: string;
  sectionLabel: string;
  date: { iso: string; short: string };
}

/** One parsed, validated article: everything a page or list shows but its body (read when written), computed once. */
export interface Article {
  sourcePath: string;
  /** The file on disk: the body is read from it again when its page is written (see `readArticleBody`). */
  filePath: string;
  /** Hash of the article's file, so work derived from it alone can be cached. */
  sourceHash: string;
  title: string;
  slug: string;
  url: string;
  sectionKey: string;
  sectionLabel: string;
  sectionUrl: string;
  published: DisplayDate;
  publishedAt: DateTime;
  /** The publication instant in UTC, which sorts as text (Pagefind's date sort). */
  sortKey: string;
  updated?: DisplayDate;
  /** A correction note, shown at the foot of the article. */
  correction?: string;
  rawTags: string[];
  /** Filled by the newsroom once every tag's canonical label and URL is known. */
  tags: Array<{ label: string; url: string }>;
  summary: string;
  credit?: string;
  source?: string;
  editor?: string;
  responsibleEditor?: string;
  image?: ArticleImage;
  status: PublicationStatus;
  /** The article's language: its edition's. */
  lang: string;
  edition: Edition;
  translationKey?: string;
  /** The same story in the site's other editions; filled by the newsroom. */
  translations: Array<{ lang: string; htmlLang: string; url: string; title: string; editionName: string }>;
  /** The version for readers of no listed language (hreflang x-default): the default edition's, else this. */
  defaultEditionUrl: string;
  previous?: ArticleLink;
  next?: ArticleLink;
  /** Recommended Reading, ranked; filled by the newsroom. */
  related: RelatedLink[];
  meta: PageMeta;
}

export interface ParseContext {
  settings: Settings;
  schema: FrontMatterSchema;
  markdown: MarkdownIt;
  now: DateTime;
}
