// Search page: queries the Pagefind index, which a large site splits into shards (one Pagefind
// bundle per run of articles, newest shard first in pagefind/shards.json), and merges the shards'
// results so they match what one index would give:
// - a word found in some shards rules out the shards without it (Pagefind ignores a word its
//   index lacks, which in a shard would wrongly widen the results);
// - newest first: each shard sorts its own results by date and shards are joined newest first;
// - most relevant: results are merged by Pagefind's score;
// - filter counts are summed over the shards that take part.
// `?q=` runs a search on load, and the address follows the search, so it can be linked.
// A title or tag of another edition's language is marked with its `lang`, as the build marks them.

import { textLanguage } from "./text-language.js";

const PAGE_SIZE = 10;
const root = document.querySelector('[data-module="search-page"]');
/** The scripts of this page's edition and the others' (src/text/text-language.ts). */
const languages = root ? JSON.parse(root.dataset.textLanguages) : undefined;

/** Escapes text for HTML; excerpts come from Pagefind already escaped, with <mark> added. */
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** ` lang="zh"` for text of another edition's language, else nothing. */
const langAttr = (text) => {
  const lang = textLanguage(text, languages);
  return lang ? ` lang="${escapeHtml(lang)}"` : "";
};

async function loadShards() {
  const manifest = await (await fetch(root.dataset.manifest)).json();
  const base = root.dataset.base;
  const shards = manifest.languages[root.dataset.lang] ?? [];
  return Promise.all(
    shards.map(async (shard) => {
      // Each shard's own pagefind.js: a separate module, so a separate Pagefind instance.
      const pagefind = await import(`${base}pagefind/${shard.path}pagefind.js`);
      await pagefind.options({ baseUrl: base });
      await pagefind.init();
      await pagefind.filters(); // loads the filter index, so searches report counts per filter
      return pagefind;
    }),
  );
}

/** The words of a query as Pagefind would split them (spaces; Chinese is segmented by Pagefind). */
const wordsOf = (term) => term.trim().split(/\s+/).filter(Boolean);

/** Searches every shard and merges, as one index would answer. */
async function searchAll(shards, term, filters, newest) {
  let taking = shards;
  const words = wordsOf(term);
  if (words.length > 1 && shards.length > 1) {
    const hits = await Promise.all(shards.map((shard) => Promise.all(words.map(async (word) => (await shard.search(word)).results.length > 0))));
    const known = words.filter((_, index) => hits.some((shardHits) => shardHits[index]));
    taking = shards.filter((_, shardIndex) => known.every((word) => hits[shardIndex][words.indexOf(word)]));
  }
  const options = { filters, ...(newest ? { sort: { date: "desc" } } : {}) };
  const responses = await Promise.all(taking.map((shard) => shard.search(term, options)));
  const results = newest ? responses.flatMap((response) => response.results) : responses.flatMap((response) => response.results).sort((a, b) => b.score - a.score);
  const counts = {};
  for (const response of responses) {
    for (const [name, values] of Object.entries(response.filters ?? {})) {
      counts[name] ??= {};
      for (const [value, count] of Object.entries(values)) counts[name][value] = (counts[name][value] ?? 0) + count;
    }
  }
  return { results, counts };
}

function resultItem(data) {
  const meta = data.meta ?? {};
  const item = document.createElement("li");
  item.className = "bs-search-result";
  item.innerHTML =
    `<p class="bs-search-result__meta">${meta.section ? `<span class="bs-search-result__section">${escapeHtml(meta.section)}</span> ` : ""}${meta.date ? `<span class="bs-search-result__date">${escapeHtml(meta.date)}</span>` : ""}</p>` +
    `<h2 class="bs-search-result__headline"${meta.title ? langAttr(meta.title) : ""}><a class="bs-search-result__link" href="${escapeHtml(data.url)}">${escapeHtml(meta.title ?? data.url)}</a></h2>` +
    (data.excerpt ? `<p class="bs-search-result__excerpt">${data.excerpt}</p>` : "");
  return item;
}

if (root) {
  const ui = root.querySelector(".bs-search__ui");
  const form = root.querySelector(".bs-search__form");
  const input = root.querySelector(".bs-search__input");
  const summary = root.querySelector(".bs-search__summary");
  const list = root.querySelector(".bs-search__list");
  const more = root.querySelector(".bs-search__more");
  const params = new URLSearchParams(window.location.search);
  const newest = params.get("sort") === "newest";
  const chosen = { section: params.getAll("section"), tag: params.getAll("tag"), author: params.getAll("author") };
  input.value = params.get("q") ?? "";
  ui.hidden = false;

  // Searches wait for the index to load; typing before then is searched once it has.
  const shardsReady = loadShards();
  let results = [];
  let shown = 0;
  let run = 0;

  const updateAddress = (term) => {
    const url = new URL(window.location.href);
    url.search = "";
    if (term) url.searchParams.set("q", term);
    if (newest) url.searchParams.set("sort", "newest");
    for (const [name, values] of Object.entries(chosen)) for (const value of values) url.searchParams.append(name, value);
    window.history.replaceState(null, "", url.pathname + url.search);
    for (const link of root.querySelectorAll("[data-sort]")) {
      const target = new URL(url);
      if (link.dataset.sort) target.searchParams.set("sort", link.dataset.sort);
      else target.searchParams.delete("sort");
      link.href = target.pathname + target.search;
      if ((link.dataset.sort === "newest") === newest) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
  };

  const showMore = async () => {
    root.dataset.state = "searching";
    const next = results.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    const data = await Promise.all(next.map((result) => result.data()));
    for (const entry of data) list.append(resultItem(entry));
    more.hidden = shown >= results.length;
    root.dataset.state = "ready";
  };

  const renderFilters = (counts) => {
    for (const fieldset of root.querySelectorAll("[data-filter]")) {
      const name = fieldset.dataset.filter;
      const values = Object.entries(counts[name] ?? {})
        .filter(([value, count]) => count > 0 || chosen[name].includes(value))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 24);
      const listElement = fieldset.querySelector("ul");
      listElement.replaceChildren(
        ...values.map(([value, count], index) => {
          const item = document.createElement("li");
          const id = `bs-filter-${name}-${index}`;
          item.innerHTML = `<input type="checkbox" id="${id}" value="${escapeHtml(value)}"${chosen[name].includes(value) ? " checked" : ""}> <label for="${id}"${langAttr(value)}>${escapeHtml(value)} <span class="bs-search__count">(${count})</span></label>`;
          item.querySelector("input").addEventListener("change", (event) => {
            chosen[name] = event.target.checked ? [...chosen[name], value] : chosen[name].filter((other) => other !== value);
            search();
          });
          return item;
        }),
      );
      fieldset.hidden = values.length === 0;
    }
  };

  async function search() {
    const term = input.value.trim();
    const mine = ++run;
    root.dataset.state = "searching";
    updateAddress(term);
    if (!term) {
      results = [];
      list.replaceChildren();
      summary.textContent = "";
      more.hidden = true;
      renderFilters({});
      root.dataset.state = "ready";
      return;
    }
    const filters = Object.fromEntries(Object.entries(chosen).filter(([, values]) => values.length > 0).map(([name, values]) => [name, { any: values }]));
    const response = await searchAll(await shardsReady, term, filters, newest);
    if (mine !== run) return; // a newer search has started
    results = response.results;
    shown = 0;
    list.replaceChildren();
    // The words come from the page, in its edition's language.
    const words = results.length === 0 ? root.dataset.resultsNone : results.length === 1 ? root.dataset.resultsOne : root.dataset.resultsMany;
    summary.textContent = words.replace("{term}", term).replace("{count}", results.length.toLocaleString(document.documentElement.lang));
    renderFilters(response.counts);
    await showMore();
    if (mine === run) root.dataset.state = "ready"; // for tests and assistive tech alike: results are in
  }

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  more.addEventListener("click", showMore);

  await search();
}
