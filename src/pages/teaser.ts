import { createHash } from "node:crypto";
import type { Article } from "../collections/published-article.ts";

/** What a list shows of an article (`components/teaser-list.njk`): all a list page's view holds of it. */
export interface Teaser {
  url: string;
  title: string;
  status: Article["status"];
  sectionUrl: string;
  sectionLabel: string;
  published: Article["published"];
  summary: string;
  /** The byline: each reporter's name and page. */
  authors: ReadonlyArray<{ name: string; url: string }>;
}

const teasers = new WeakMap<Article, Teaser>();

/**
 * A teaser's JSON is the hash of its fields' JSON, taken once: a list page's view is hashed as
 * JSON for its cache key, and the same teaser is in a story's section, tag and day lists (about
 * 85,000 teasers in the lists of 10,000 articles), so each is serialized once, not in every list.
 */
function namedInJson(teaser: Teaser): Teaser {
  const digest = createHash("sha256").update(JSON.stringify(teaser)).digest("base64");
  return Object.defineProperty(teaser, "toJSON", { value: () => ({ teaser: digest }), enumerable: false });
}

/** An article's teaser, made once a build however many lists show it. */
export function teaserOf(article: Article): Teaser {
  let teaser = teasers.get(article);
  if (!teaser) {
    const { url, title, status, sectionUrl, sectionLabel, published, summary } = article;
    const authors = article.authors.map(({ name, url }) => ({ name, url }));
    teaser = namedInJson({ url, title, status, sectionUrl, sectionLabel, published, summary, authors });
    teasers.set(article, teaser);
  }
  return teaser;
}
