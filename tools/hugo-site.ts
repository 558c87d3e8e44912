/**
 * The comparison `npm run bench -- --hugo` adds (issue 18): Hugo (Debian's `hugo` package) and
 * Pagefind's CLI building a comparable news site from the same Markdown. A minimal news layout
 * of our own: a front page of the latest stories, each article with its dateline, section, tags,
 * related stories and previous/next, paginated section and tag lists with feeds, and a
 * Pagefind index of the articles with section and tag filters. No images, editions or JSON-LD:
 * less than Broadsheet writes, so the comparison flatters Hugo if anything.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
</head>
<body>
{{ partialCached "masthead.html" . }}
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>© {{ site.Title }}</p></footer>
</body>
</html>
`,
  "partials/masthead.html": `<header><p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
<form action="/search/" method="get"><input name="q" type="search" aria-label="Search"><button>Search</button></form>
<nav><ul>{{ range $name, $pages := site.Taxonomies.section }}<li><a href="{{ (site.GetPage (printf "/section/%s" $name)).RelPermalink }}">{{ $name }}</a></li>{{ end }}</ul></nav></header>
`,
  "partials/teasers.html": `<ol>{{ range . }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 Jan 2006" }}</time></p><p>{{ .Params.summary }}</p></li>{{ end }}</ol>
`,
  "index.html": `{{ define "main" }}<h1>{{ site.Title }}</h1>{{ partial "teasers.html" (first 20 (where site.RegularPages "Section" "articles")) }}{{ end }}
`,
  "_default/single.html": `{{ define "main" }}<article data-pagefind-body>
<p>{{ with .Params.section }}<a href="{{ (site.GetPage (printf "/section/%s" .)).RelPermalink }}" data-pagefind-filter="section">{{ . }}</a>{{ end }}</p>
<h1 data-pagefind-meta="title">{{ .Title }}</h1>
<p>{{ .Params.summary }}</p>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}" data-pagefind-sort="date">{{ .Date.Format "2 January 2006, 15:04" }}</time></p>
{{ .Content }}
{{ with .Params.credit }}<p>({{ . }})</p>{{ end }}
{{ with .Params.editor }}<p>Edit: {{ . }}</p>{{ end }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}" data-pagefind-filter="tag">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>
<section><h2>Recommended Reading</h2><ul>{{ range first 8 (site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}" rel="prev">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}" rel="next">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
`,
  "_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages }}{{ partial "teasers.html" $pager.Pages }}
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}" rel="prev">Newer</a>{{ end }} {{ range $pager.Pagers }}<a href="{{ .URL }}">{{ .PageNumber }}</a> {{ end }}{{ with $pager.Next }}<a href="{{ .URL }}" rel="next">Older</a>{{ end }}</nav>{{ end }}
`,
  "_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
};

/** Writes a throwaway Hugo project whose content is `articlesDir` (mounted, not copied); returns its folder. */
export async function writeHugoProject(articlesDir: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "broadsheet-hugo-"));
  await writeFile(
    path.join(dir, "hugo.toml"),
    `baseURL = "https://news.example.org/"
languageCode = "en"
title = "Hugo News"
timeZone = "Asia/Shanghai"
paginate = 20
disableKinds = ["robotsTXT"]
[taxonomies]
  tag = "tags"
  section = "section"
[permalinks]
  articles = "/:year/:month/:filename/"
[related]
  includeNewer = true
  threshold = 80
  toLower = true
  [[related.indices]]
    name = "tags"
    weight = 100
  [[related.indices]]
    name = "section"
    weight = 50
  [[related.indices]]
    name = "date"
    weight = 10
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]
[[module.mounts]]
  source = ${JSON.stringify(articlesDir)}
  target = "content/articles"
`,
  );
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(path.dirname(path.join(dir, "layouts", file)), { recursive: true });
    await writeFile(path.join(dir, "layouts", file), text);
  }
  return dir;
}
