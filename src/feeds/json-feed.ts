import type { FeedData } from "./feed-data.ts";

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), as the spec's field names. */
export function renderJsonFeed(feed: FeedData): string {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.jsonUrl,
    description: feed.description,
    icon: feed.iconUrl,
    favicon: feed.iconUrl,
    language: feed.language,
    authors: [{ name: feed.publisher, url: feed.homeUrl }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      ...(item.image ? { image: item.image } : {}),
      date_published: item.published,
      date_modified: item.updated,
      authors: item.authors.map(({ name, url }) => (url ? { name, url } : { name })),
      tags: [item.section.label, ...item.tags],
      language: item.language,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
