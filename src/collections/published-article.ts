import type { ArticleImage, ArticleLink, BodyImage, ParsedArticle, RelatedLink } from "../content/article-model.ts";
import type { ResponsiveImage } from "../images/article-images.ts";
import type { ShareCrop } from "../images/share-crops.ts";
import type { TagLink } from "./tags.ts";
import type { AuthorLink } from "./authors.ts";

/** The same story in another edition, as an article links to it. */
export interface Translation {
  readonly lang: string;
  readonly htmlLang: string;
  readonly url: string;
  readonly title: string;
  readonly editionName: string;
}

/**
 * An article as this build publishes it: the parsed article and what the newsroom derives from
 * the other articles and the image step. `buildNewsroom` makes each once; every list (editions,
 * sections, tags, the front page) holds that same object. Pages, feeds, search records and
 * structured data read these fields by name.
 */
export interface Article extends Omit<ParsedArticle, "image" | "bodyImages"> {
  /** Each tag once, with its canonical label and URL. */
  readonly tags: readonly TagLink[];
  /** The byline: each reporter's name in the article's edition and their page (none: the credit stands). */
  readonly authors: readonly AuthorLink[];
  /** Recommended Reading, ranked. */
  readonly related: readonly RelatedLink[];
  /** The neighbours in the article's section, older and newer. */
  readonly previous?: ArticleLink;
  readonly next?: ArticleLink;
  /** The same story in the site's other editions, in the editions' order. */
  readonly translations: readonly Translation[];
  /** The version for readers of no listed language (hreflang x-default): the default edition's, else this. */
  readonly defaultEditionUrl: string;
  readonly image?: ArticleImage & { readonly responsive?: ResponsiveImage };
  /**
   * The story's photo for search engines and social cards (`sharePhotoOf`: the lead, else the
   * first body photo), cut 16x9, 4x3 and 1x1; none when the story has no photo.
   */
  readonly share?: { readonly alt: string; readonly crops: readonly ShareCrop[] };
  /** The body's photos with their responsive versions: the body's HTML shows them, so a page's view holds them. */
  readonly bodyImages: ReadonlyArray<BodyImage & { readonly responsive?: ResponsiveImage }>;
}

/**
 * An article as its edition alone settles it: its own fields, its tags' labels, its reporters
 * and its photo's sizes, but nothing the newsroom links from the other articles (Recommended
 * Reading, neighbours, translations). `indexEditions` makes these in a tenth of the time the
 * whole newsroom takes, so the search index (which reads no more) starts on them first.
 */
export type ArticleOnItsOwn = Pick<
  Article,
  "url" | "lang" | "title" | "summary" | "published" | "sortKey" | "sectionLabel" | "filePath" | "sourcePath" | "sourceHash" | "credit" | "tags" | "authors" | "image"
>;
