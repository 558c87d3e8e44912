import { create } from "xmlbuilder2";
import { xmlAttributes, xmlText } from "../xml/xml-text.ts";
import type { FeedData } from "./feed-data.ts";

/**
 * An Atom 1.0 feed (RFC 4287), written with an XML builder so every title and body is escaped.
 * Dates keep the site zone's offset.
 */
export function renderAtom(feed: FeedData): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("feed", { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": feed.language });
  root.ele("id").txt(xmlText(feed.homeUrl));
  root.ele("title", { type: "text" }).txt(xmlText(feed.title));
  root.ele("subtitle", { type: "text" }).txt(xmlText(feed.description));
  root.ele("updated").txt(xmlText(feed.updated));
  root.ele("link", xmlAttributes({ rel: "self", type: "application/atom+xml", href: feed.atomUrl }));
  root.ele("link", xmlAttributes({ rel: "alternate", type: "text/html", href: feed.homeUrl }));
  root.ele("author").ele("name").txt(xmlText(feed.publisher));
  root.ele("icon").txt(xmlText(feed.iconUrl));
  root.ele("rights", { type: "text" }).txt(xmlText(feed.rights));
  root.ele("generator", { uri: "https://www.11ty.dev/" }).txt("Broadsheet on Eleventy");
  for (const item of feed.items) {
    const entry = root.ele("entry");
    entry.ele("id").txt(xmlText(item.id));
    entry.ele("title", { type: "text" }).txt(xmlText(item.title));
    entry.ele("link", xmlAttributes({ rel: "alternate", type: "text/html", href: item.url }));
    entry.ele("published").txt(xmlText(item.published));
    entry.ele("updated").txt(xmlText(item.updated));
    for (const author of item.authors) {
      const element = entry.ele("author");
      element.ele("name").txt(xmlText(author.name));
      if (author.url) element.ele("uri").txt(xmlText(author.url));
    }
    entry.ele("category", xmlAttributes({ term: item.section.key, label: item.section.label, scheme: item.section.url }));
    for (const tag of item.tags) entry.ele("category", xmlAttributes({ term: tag }));
    entry.ele("summary", { type: "text" }).txt(xmlText(item.summary));
    entry.ele("content", { type: "html" }).txt(xmlText(item.contentHtml));
  }
  return root.end({ prettyPrint: true });
}
