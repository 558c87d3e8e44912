// The build's heap limit. Plain JavaScript (typed in heap-limit.d.mts), so `npm run build`'s
// launcher can size it without loading a TypeScript loader first.
/**
 * The build's heap limit, in MiB, for a newsroom of `articleFiles` articles.
 *
 * V8 lets a heap grow to several times what is live before it collects: at 100,000 articles a
 * build keeps about 760 MB live but its heap grew to 2.2 GB, which with Pagefind's process put
 * the whole build over a 4 GiB machine budget. So `npm run build` runs with a limit sized to the
 * newsroom: 10 KB an article (about twice what a build keeps live of each) on top of 512 MB for
 * Eleventy and the templates, and never under 1 GiB. `NODE_OPTIONS=--max-old-space-size=…`
 * overrides it.
 * @example heapLimitMb(100_000) // 1489
 * @param {number} articleFiles
 * @returns {number}
 */
export function heapLimitMb(articleFiles) {
  return Math.max(1024, Math.ceil(512 + (articleFiles * 10) / 1024));
}

/**
 * The heap limit this process was given, in MiB, on its command line or in NODE_OPTIONS (either
 * spelling); undefined when Node's default applies.
 * @example givenHeapLimitMb(["--max-old-space-size=900"], "") // 900
 * @param {readonly string[]} [execArgv]
 * @param {string} [nodeOptions]
 * @returns {number | undefined}
 */
export function givenHeapLimitMb(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? "") {
  const value = /--max[-_]old[-_]space[-_]size=(\d+)/.exec([...execArgv, nodeOptions].join(" "))?.[1];
  return value === undefined ? undefined : Number(value);
}
