// Search page (/search/): sets Pagefind's Component UI up from the URL, then loads it.
// `?q=` runs a search on load so searches can be linked; `?sort=newest` orders by date.
// Without JavaScript the page shows its <noscript> message and the header's plain form.

/** Result card: headline, date, section and the excerpt Pagefind highlights. */
const RESULT_TEMPLATE = `
<li class="bs-search-result">
  <p class="bs-search-result__meta">{{#if meta.section}}<span class="bs-search-result__section">{{ meta.section }}</span> {{/if}}{{#if meta.date}}<span class="bs-search-result__date">{{ meta.date }}</span>{{/if}}</p>
  <h2 class="bs-search-result__headline"><a class="bs-search-result__link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a></h2>
  {{#if excerpt}}<p class="bs-search-result__excerpt">{{+ excerpt +}}</p>{{/if}}
</li>`;

/** Shown while a result loads: the same lines as a result, so nothing moves when it arrives. */
const PLACEHOLDER_TEMPLATE = `
<li class="bs-search-result bs-search-result--placeholder" aria-hidden="true">
  <p class="bs-search-result__meta">&nbsp;</p>
  <p class="bs-search-result__headline">&nbsp;</p>
  <p class="bs-search-result__excerpt">&nbsp;<br>&nbsp;</p>
</li>`;

const root = document.querySelector('[data-module="search-page"]');

if (root) {
  const params = new URLSearchParams(window.location.search);
  const query = (params.get("q") ?? "").trim();
  const newest = params.get("sort") === "newest";
  const config = root.querySelector("pagefind-config");
  const results = root.querySelector("pagefind-results");

  // The Component UI reads its attributes and templates once, when it connects: set them first.
  if (newest) config.setAttribute("sort", "date:desc");
  for (const [text, kind] of [[RESULT_TEMPLATE, ""], [PLACEHOLDER_TEMPLATE, "placeholder"]]) {
    const template = document.createElement("script");
    template.type = "text/pagefind-template";
    if (kind) template.dataset.template = kind;
    template.textContent = text;
    results.append(template);
  }

  const sortLinks = root.querySelectorAll("[data-sort]");
  const updateLinks = (term) => {
    for (const link of sortLinks) {
      const url = new URL(link.href);
      url.search = "";
      if (term) url.searchParams.set("q", term);
      if (link.dataset.sort) url.searchParams.set("sort", link.dataset.sort);
      link.href = url.pathname + url.search;
      const active = (link.dataset.sort === "newest") === newest;
      if (active) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
  };
  updateLinks(query);
  root.querySelector(".bs-search__ui").hidden = false;

  const bundlePath = config.getAttribute("bundle-path");
  await import(`${bundlePath}pagefind-component-ui.js`);
  const instance = window.PagefindComponents.getInstanceManager().getInstance("default");
  // Keep the address bar in step with the search, so what a reader sees can be linked.
  instance.on("search", (term) => {
    const url = new URL(window.location.href);
    if (term) url.searchParams.set("q", term);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.pathname + url.search);
    updateLinks(term);
  });
  if (query) instance.triggerSearch(query);
}
