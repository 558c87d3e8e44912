import type { Article } from "../collections/published-article.ts";
import type { SiteSettings } from "../config/site-data.ts";

/**
 * Serialises JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` become
 * `\u003c`-style escapes, so a headline containing `</script>` cannot end the block early, and
 * U+2028/U+2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** schema.org NewsArticle for one article page, every URL absolute. */
export function newsArticleData(article: Article, site: SiteSettings, url: (path: string) => string, copyrightHolder = article.edition.publisher) {
  const publisher = {
    "@type": "NewsMediaOrganization",
    name: article.edition.publisher,
    url: url(article.edition.prefix),
    logo: { "@type": "ImageObject", url: url(site.brand.logo), width: site.brand.logoWidth, height: site.brand.logoHeight },
  };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url(article.url) },
    url: url(article.url),
    headline: article.title,
    // No `description`: the page's meta description and og:description already carry the summary,
    // and Google's article properties do not read it (a third copy on every article page).
    datePublished: article.published.iso,
    dateModified: (article.updated ?? article.published).iso,
    // The byline's reporters, each with their page; without a byline, the credit or the newsroom.
    author:
      article.authors.length > 0
        ? article.authors.map((author) => ({
            "@type": "Person",
            name: author.name,
            url: url(author.url),
            ...(author.links.length > 0 ? { sameAs: [...author.links] } : {}),
          }))
        : { "@type": "Organization", name: article.credit ?? article.edition.publisher },
    ...(article.credit ? { creditText: article.credit } : {}),
    ...(article.editor ? { editor: { "@type": "Person", name: article.editor } } : {}),
    publisher,
    copyrightHolder: { "@type": "Organization", name: copyrightHolder },
    // The story's own photo in the three ratios Google asks for; the site's image only when it has none.
    image: article.share ? article.share.crops.map((crop) => ({ "@type": "ImageObject", url: url(crop.url), width: crop.width, height: crop.height })) : [url(site.brand.socialImage)],
    articleSection: article.sectionLabel,
    keywords: article.tags.map((tag) => tag.label),
    inLanguage: article.edition.htmlLang,
    isAccessibleForFree: true,
    ...(article.correction
      ? { correction: { "@type": "CorrectionComment", text: article.correction, datePublished: (article.updated ?? article.published).iso } }
      : {}),
  };
}
