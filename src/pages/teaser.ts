import { namedInJson } from "../cache/named-in-json.ts";
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

/** An article's teaser, made once a build however many lists show it. */
export function teaserOf(article: Article): Teaser {
  let teaser = teasers.get(article);
  if (!teaser) {
    const { url, title, status, sectionUrl, sectionLabel, published, summary } = article;
    const authors = article.authors.map(({ name, url }) => ({ name, url }));
    // Serialized once for every list it is in (`cache/named-in-json.ts`).
    teaser = namedInJson({ url, title, status, sectionUrl, sectionLabel, published, summary, authors }, "teaser");
    teasers.set(article, teaser);
  }
  return teaser;
}
