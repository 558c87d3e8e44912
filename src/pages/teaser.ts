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
}

const teasers = new WeakMap<Article, Teaser>();

/** An article's teaser, made once a build however many lists show it. */
export function teaserOf(article: Article): Teaser {
  let teaser = teasers.get(article);
  if (!teaser) {
    const { url, title, status, sectionUrl, sectionLabel, published, summary } = article;
    teaser = { url, title, status, sectionUrl, sectionLabel, published, summary };
    teasers.set(article, teaser);
  }
  return teaser;
}
