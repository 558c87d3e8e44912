// Search page: queries the Pagefind index, which the build splits into shards (runs of
// consecutive articles, newest first in pagefind/shards.json), and opens only as many shards,
// newest first, as a page of results needs; "Show more results" goes on into older ones.
// - One engine for every shard: Pagefind's instance opens the newest shard, and each older one
//   is merged into it (mergeIndex) when first needed, tagged with a `shard` filter so that each
//   search asks one shard only. The JavaScript and the WebAssembly are fetched once.
// - Exact as one index: Pagefind ignores a word its own index lacks, so a shard that lacks a
//   word some other shard knows must give nothing. A shard that knows every word of the query
//   answers exactly; one that lacks a word another searched shard knows gives nothing; one that
//   lacks a word no shard searched so far knows is held back until an older shard knows it
//   (then it gives nothing) or every shard has been searched (then no shard knows it, as with a
//   typo, and it answers).
// - Newest first is exact page by page (shards are consecutive in time); most relevant ranks the
//   stories searched so far and says since when ("Search older stories" widens it); counts,
//   filter counts included, are for the stories searched so far and say so.
// `?q=` runs a search on load, and the address follows the search, so it can be linked.
// A title or tag of another edition's language is marked with its `lang`, as the build marks them.

import { textLanguage } from "./text-language.js";

const PAGE_SIZE = 10;
/** A new search starts a fresh engine once this many shards are open: else each would be searched again. */
const REOPEN_AFTER = 2;
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

/** The words of a query as Pagefind would split them (spaces; Chinese is segmented by Pagefind). */
const wordsOf = (term) => term.trim().split(/\s+/).filter(Boolean);

/** This edition's shards (newest first) and Pagefind's module, loaded once. */
async function loadArchive() {
  const manifest = await (await fetch(root.dataset.manifest)).json();
  const shards = manifest.languages[root.dataset.lang] ?? [];
  const base = root.dataset.base;
  const engine = shards.length > 0 ? await import(`${base}pagefind/${shards[0].path}pagefind.js`) : undefined;
  return { shards, engine, base };
}

/**
 * One Pagefind instance over the shards opened so far: the newest first, each older one merged
 * into it when a search first needs it. Each shard carries a `shard` filter, so a search asks
 * one shard at a time; its filter index is loaded when it opens, for the counts.
 */
function openIndex({ shards, engine, base }) {
  const basePath = (shard) => `${base}pagefind/${shard.path}`;
  const pagefind = engine.createInstance({ basePath: basePath(shards[0]), baseUrl: base });
  const opened = [];
  // Shards open in order, each once: `opened[at]` settles when shard `at` can be searched.
  const open = (at) => {
    if (opened[at]) return opened[at];
    const before = at > 0 ? open(at - 1) : pagefind.init();
    opened[at] = (async () => {
      await before;
      const tag = { mergeFilter: { shard: shards[at].path } };
      if (at === 0) await pagefind.options(tag);
      else await pagefind.mergeIndex(basePath(shards[at]), { ...tag, baseUrl: base });
      await pagefind.filters();
    })();
    return opened[at];
  };
  return { pagefind, open, opened };
}

/**
 * A word as a search that finds only pages with that very word. Pagefind answers a word its index
 * lacks with words that begin like it (a shard without "beerflamfang" finds "beerkflaisus"), so
 * whether a shard has a word takes a quoted search; Chinese, which Pagefind segments itself, is
 * asked as typed.
 */
const exactly = (word) => (/\p{Script=Han}/u.test(word) ? word : `"${word.replaceAll('"', "")}"`);

/** One shard's answer: its results and filter counts, and which of the query's words it has. */
async function searchShard(index, shards, at, query) {
  await index.open(at);
  const only = { shard: shards[at].path };
  const [response, known] = await Promise.all([
    index.pagefind.search(query.term, { filters: { ...query.filters, ...only }, ...(query.newest ? { sort: { date: "desc" } } : {}) }),
    Promise.all(query.words.map(async (word) => (await index.pagefind.search(exactly(word), { filters: only })).results.length > 0)),
  ]);
  const counts = { ...response.filters };
  delete counts.shard; // the tag each shard carries, not a filter of the page
  return { results: response.results, counts, known };
}

/**
 * What the shards searched so far let us show, exactly as one index would: the results of the
 * newest shards up to the first one held back, and how many shards that is.
 */
function settle(query, shardCount) {
  const done = query.answers.length === shardCount;
  const seen = query.words.map((_, word) => query.answers.some((answer) => !answer.known || answer.known[word]));
  const released = [];
  let settled = 0;
  for (const answer of query.answers) {
    const knows = (word) => !answer.known || answer.known[word];
    const knowsAll = query.words.every((_, word) => knows(word));
    const lacksSeen = seen.some((isSeen, word) => isSeen && !knows(word));
    if (!knowsAll && !lacksSeen && !done) break; // held back: lacks only words no shard has shown yet
    if (knowsAll || !lacksSeen) released.push(answer);
    settled++;
  }
  return { released, settled };
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
  const older = root.querySelector(".bs-search__older");
  const countsNote = root.querySelector(".bs-search__counts-note");
  const params = new URLSearchParams(window.location.search);
  const newest = params.get("sort") === "newest";
  const chosen = { section: params.getAll("section"), tag: params.getAll("tag"), author: params.getAll("author") };
  input.value = params.get("q") ?? "";
  ui.hidden = false;

  // Searches wait for the manifest and engine; typing before then is searched once they are in.
  const archiveReady = loadArchive();
  let index;
  let query;
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

  const renderFilters = (counts) => {
    for (const fieldset of root.querySelectorAll("[data-filter]")) {
      const name = fieldset.dataset.filter;
      const values = Object.entries(counts[name] ?? {})
        .filter(([value, count]) => count > 0 || chosen[name].includes(value))
        .concat(chosen[name].filter((value) => !(value in (counts[name] ?? {}))).map((value) => [value, 0]))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 24);
      const listElement = fieldset.querySelector("ul");
      listElement.replaceChildren(
        ...values.map(([value, count], position) => {
          const item = document.createElement("li");
          const id = `bs-filter-${name}-${position}`;
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

  /**
   * Searches older shards until `wanted` results can be shown or none are left, then orders them:
   * newest first as the shards come; most relevant by score, the results already shown kept in
   * place unless `rerank`.
   */
  async function fill(mine, wanted, rerank = false) {
    const { shards } = await archiveReady;
    let view = settle(query, shards.length);
    const count = () => view.released.reduce((sum, answer) => sum + answer.results.length, 0);
    while (count() < wanted && query.answers.length < shards.length) {
      query.answers.push(await searchShard(index, shards, query.answers.length, query));
      if (mine !== run) return false;
      view = settle(query, shards.length);
    }
    const found = view.released.flatMap((answer) => answer.results);
    const kept = rerank ? [] : query.results.slice(0, query.shown);
    const rest = found.filter((result) => !kept.includes(result));
    query.results = kept.concat(newest ? rest : rest.sort((a, b) => b.score - a.score));
    if (rerank) query.shown = 0;
    query.complete = view.settled === shards.length;
    query.since = view.settled > 0 ? shards[view.settled - 1].oldestDate : "";
    query.counts = {};
    for (const answer of view.released) {
      for (const [name, values] of Object.entries(answer.counts)) {
        query.counts[name] ??= {};
        for (const [value, n] of Object.entries(values)) query.counts[name][value] = (query.counts[name][value] ?? 0) + n;
      }
    }
    return true;
  }

  /** Shows the summary, the filters and the next page of results. */
  async function render(mine, fresh) {
    const total = query.results.length;
    const since = !query.complete;
    const words = since
      ? total === 1 ? root.dataset.resultsSinceOne : root.dataset.resultsSinceMany
      : total === 0 ? root.dataset.resultsNone : total === 1 ? root.dataset.resultsOne : root.dataset.resultsMany;
    summary.textContent = words.replace("{term}", query.term).replace("{count}", total.toLocaleString(document.documentElement.lang)).replace("{date}", query.since);
    countsNote.textContent = root.dataset.countsSince.replace("{date}", query.since);
    countsNote.hidden = !since;
    older.hidden = !since || newest;
    renderFilters(query.counts);
    if (fresh) list.replaceChildren();
    const next = query.results.slice(query.shown, query.shown + PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (mine !== run) return;
    query.shown += next.length;
    for (const entry of data) list.append(resultItem(entry));
    more.hidden = query.shown >= total && query.complete;
  }

  /** Runs `step` for the current search, marking the page busy meanwhile (tests and assistive tech wait for "ready"). */
  async function step(mine, work) {
    root.dataset.state = "searching";
    try {
      await work();
    } catch (error) {
      if (mine === run) throw error; // a newer search replaced the engine this one was using
    }
    if (mine === run) root.dataset.state = "ready";
  }

  async function search() {
    const term = input.value.trim();
    const mine = ++run;
    updateAddress(term);
    await step(mine, async () => {
      if (!term) {
        query = undefined;
        list.replaceChildren();
        summary.textContent = "";
        more.hidden = older.hidden = countsNote.hidden = true;
        renderFilters({});
        return;
      }
      const archive = await archiveReady;
      if (archive.shards.length > 0 && (!index || index.opened.length > REOPEN_AFTER)) {
        const previous = index;
        index = openIndex(archive);
        if (previous) await index.open(0).then(() => previous.pagefind.destroy());
      }
      if (mine !== run) return;
      const filters = Object.fromEntries(Object.entries(chosen).filter(([, values]) => values.length > 0).map(([name, values]) => [name, { any: values }]));
      query = { term, words: wordsOf(term), filters, newest, answers: [], results: [], shown: 0 };
      if (await fill(mine, PAGE_SIZE)) await render(mine, true);
    });
  }

  const showMore = (rerank) => {
    const mine = run;
    return step(mine, async () => {
      if (await fill(mine, rerank ? query.results.length + PAGE_SIZE : query.shown + PAGE_SIZE, rerank)) await render(mine, rerank);
    });
  };

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
  more.addEventListener("click", () => showMore(false));
  older.addEventListener("click", () => showMore(true));

  await search();
}
