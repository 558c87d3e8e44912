import type MarkdownIt from "markdown-it";
import type { DateTime } from "luxon";
import type { FrontMatterSchema } from "./front-matter.ts";
import type { Settings } from "../config/site-settings.ts";
import type { Edition } from "../config/editions.ts";
import type { PageMeta } from "./page-meta.ts";
import type { Embed } from "../markdown/embeds.ts";

/** A date as the pages need it: the instant with offset, and the text readers see. */
export interface DisplayDate {
  readonly iso: string;
  readonly dateline: string;
  readonly short: string;
}

export interface ArticleImage {
  /** As written in the front matter: a path relative to the article's file. */
  readonly src: string;
  /** The image file on disk. */
  readonly file: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
}

/** A photo in the body: `src` as the Markdown has it (the renderer looks it up by that). */
export interface BodyImage extends ArticleImage {
  /** `![-](…)`: an ornament, shown with alt="". */
  readonly decorative: boolean;
}

/** An embed in the body, with its address as written (the renderer looks it up by that). */
export interface BodyEmbed extends Embed {
  readonly address: string;
}

export type PublicationStatus = "published" | "draft" | "embargoed";

/** A link to an article, as lists and previous/next show it. */
export interface ArticleLink {
  readonly title: string;
  readonly url: string;
}

/** What Recommended Reading shows of another article. */
export interface RelatedLink {
  readonly title: string;
  readonly url: string;
  readonly sectionLabel: string;
  readonly date: { readonly iso: string; readonly short: string };
}

/**
 * One parsed, validated article: everything its file alone says, computed once, but its body
 * (read when written). Never written to after parsing: the newsroom makes the published article
 * (`collections/published-article.ts`) from it, with what the other articles decide.
 */
export interface ParsedArticle {
  readonly sourcePath: string;
  /** The file on disk: the body is read from it again when its page is written (see `readArticleBody`). */
  readonly filePath: string;
  /** Hash of the article's file, so work derived from it alone can be cached. */
  readonly sourceHash: string;
  readonly title: string;
  readonly slug: string;
  readonly url: string;
  readonly sectionKey: string;
  readonly sectionLabel: string;
  readonly sectionUrl: string;
  /** The reporters' keys as written (`_data/authors.json`), in byline order; the newsroom gives each its name and page. */
  readonly authorKeys: readonly string[];
  readonly published: DisplayDate;
  readonly publishedAt: DateTime;
  /** The publication instant in UTC, which sorts as text (Pagefind's date sort). */
  readonly sortKey: string;
  readonly updated?: DisplayDate;
  /** A correction note, shown at the foot of the article. */
  readonly correction?: string;
  /** The tags as written; the newsroom gives each its canonical label and URL. */
  readonly rawTags: readonly string[];
  readonly summary: string;
  readonly credit?: string;
  readonly source?: string;
  readonly editor?: string;
  readonly responsibleEditor?: string;
  readonly image?: ArticleImage;
  /** The body's photos, in order (checked when read; drawn when the page is rendered). */
  readonly bodyImages: readonly BodyImage[];
  /** The body's embeds, in order: their hosts widen only this page's `frame-src`. */
  readonly embeds: readonly BodyEmbed[];
  readonly status: PublicationStatus;
  /** The article's language: its edition's. */
  readonly lang: string;
  readonly edition: Edition;
  readonly translationKey?: string;
  /** Old site paths of the story (`aliases:`), checked and decoded: each gets a page sending readers on. */
  readonly aliases: readonly string[];
  readonly meta: Readonly<PageMeta>;
}

export interface ParseContext {
  readonly settings: Settings;
  readonly schema: FrontMatterSchema;
  readonly markdown: MarkdownIt;
  readonly now: DateTime;
  /** The newsroom's own hosts, whose pages (charts, maps) a body may embed. */
  readonly embedHosts: readonly string[];
  /** The first URL segments the site writes itself (`tags`, `search`, `assets`…), which no alias may be under. */
  readonly reservedSegments: readonly string[];
}
