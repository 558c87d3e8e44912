/**
 * `npm run bench [-- --sizes 1000,10000,50000,100000] [--hugo]`: for each size, a deterministic generated
 * corpus (kept in .cache/bench/), built up to four ways in one run:
 *   1. the floor: a bare Eleventy build of the same Markdown (tools/bare-eleventy.ts);
 *   2. Broadsheet's full build (every page, feeds, sitemaps, search index), from an empty cache;
 *   3. four rebuilds in the same folder (after one unmeasured rebuild with no change, so each finds
 *      the site before last beside the output to update in place, as a kept output folder does),
 *      each after one one-article change to a copy of the corpus
 *      (a new newest story, a story backdated a day before the newest, an edit to a two-year-old
 *      story, its deletion), each with the cache the full build kept and undone before the next;
 *   4. with `--hugo`, Hugo and Pagefind's CLI on the same corpus (tools/hugo-site.ts), in turn with 2.
 * Up to 10,000 articles each is run `--runs` times (default 3) and the medians reported, with the
 * highest memory peaks.
 * Prints a Markdown table, then what an article costs the site (bytes and files by kind,
 * tools/site-footprint.ts), and writes docs/bench.svg (time and memory against articles).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { create } from "xmlbuilder2";
import { writeCorpus } from "./corpus.ts";
import { writeBareProject } from "./bare-eleventy.ts";
import { writeHugoProject } from "./hugo-site.ts";
import { monitorProcessTree, type ProcessTreeUsage } from "./process-monitor.ts";
import { contentHashes, deployDelta, FOOTPRINT_KINDS, measureFootprint, perArticle, type SiteFootprint } from "./site-footprint.ts";

const root = process.cwd();
const NOW = "1796000000"; // 2026-11-30: every generated article is published
const GENERATOR_VERSION = "2";

interface Run extends ProcessTreeUsage {
  wallSeconds: number;
  stdout: string;
}

interface Row {
  articles: number;
  /** Builds of each kind whose median is reported. */
  runs: number;
  pages: number;
  /** Left out above `--floor-up-to`: bare Eleventy is super-linear (130 s at 50,000 articles). */
  floor?: Run;
  full: Run;
  /** With `--hugo`: Hugo and Pagefind's CLI building the same corpus, run in turn with each full build. */
  hugo?: Run;
  /** The median of each full build's time over the Hugo build next to it. */
  hugoRatio?: number;
  /** The median rebuild of each one-article change (`REBUILD_CASES`), the new newest story first. */
  rebuilds: Run[];
  /** After each rebuild case of the first run: what a content-checked deploy of it uploads over the full build's site. */
  deploys: Array<ReturnType<typeof deployDelta>>;
  /** The first full build's site by kind of file (deterministic: every run writes the same). */
  footprint: SiteFootprint;
  phases: { data: number; search: number; render: number };
}

function runMeasured(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    const monitor = monitorProcessTree(child.pid!);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => {
      const usage = monitor.stop();
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ ...usage, wallSeconds: (performance.now() - started) / 1000, stdout });
    });
  });
}

async function corpus(count: number): Promise<string> {
  const dir = path.join(root, ".cache", "bench", `corpus-${count}`);
  const marker = path.join(dir, `.complete-${GENERATOR_VERSION}`);
  if (!existsSync(marker)) {
    console.error(`[bench] generating ${count.toLocaleString("en")} articles…`);
    await writeCorpus(dir, { count });
    await writeFile(marker, "");
  }
  return dir;
}

/** The number the build's log prints where `pattern`'s group is (seconds, pages). */
const numberIn = (pattern: RegExp, text: string) => Number(pattern.exec(text)?.[1] ?? NaN);

/** The run of median wall time, with the highest memory peaks of all runs (budgets are peaks). */
function medianRun(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    ...median,
    peakTotalBytes: Math.max(...runs.map((run) => run.peakTotalBytes)),
    peakProcessBytes: Math.max(...runs.map((run) => run.peakProcessBytes)),
  };
}

/** Hard-links a folder tree (`cp -al`): a copy in no time whose files a change replaces, never edits. */
async function linkTree(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  // `from/.`: the folder's contents, even when `from` is a symbolic link to it.
  await runMeasured("cp", ["-al", `${from}/.`, to], { cwd: root });
}

/** Replaces a file of a linked tree instead of writing through the link into the original. */
async function replaceFile(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/** The corpus's month folders (`2026/11`), oldest first. */
const monthsOf = (articles: string) =>
  readdirSync(articles).filter((year) => /^\d{4}$/.test(year)).sort().flatMap((year) =>
    readdirSync(path.join(articles, year)).filter((month) => /^\d{2}$/.test(month)).sort().map((month) => `${year}/${month}`),
  );

/** The newest story's date in the corpus, read from its newest month's files. */
async function newestDate(articles: string): Promise<DateTime> {
  const month = path.join(articles, monthsOf(articles).at(-1)!);
  const dates = await Promise.all(
    readdirSync(month).filter((name) => name.endsWith(".md")).map(async (name) => DateTime.fromISO(/^date: (\S+)$/m.exec(await readFile(path.join(month, name), "utf8"))![1]!, { setZone: true })),
  );
  return dates.reduce((newest, date) => (date > newest ? date : newest));
}

/** The corpus's story nearest to two years before its newest month (the corpus is in year/month folders). */
function twoYearOldStory(articles: string): string {
  const months = monthsOf(articles);
  const newest = months.at(-1)!;
  const target = `${Number(newest.slice(0, 4)) - 2}${newest.slice(4)}`;
  const month = months.filter((candidate) => candidate <= target).at(-1) ?? months[0]!;
  return path.join(articles, month, readdirSync(path.join(articles, month)).filter((name) => name.endsWith(".md")).sort()[0]!);
}

/** One one-article change to the work copy of the corpus, and how to undo it. */
interface RebuildCase {
  label: string;
  change(articles: string): Promise<() => Promise<void>>;
}

const addStory = (dateOf: (articles: string) => Promise<DateTime>, name: string) => async (articles: string) => {
  const date = (await dateOf(articles)).toISO({ suppressMilliseconds: true })!;
  const file = path.join(articles, date.slice(0, 4), date.slice(5, 7), name);
  await writeFile(file, `---\ntitle: One more article\ndate: ${date}\nsection: world\ntags: [Bench]\n---\n\nA new story added to a built site.\n`);
  return () => rm(file, { force: true });
};

/** Newer than any story the generator writes (at most 2026-11-28T12:00+08:00), older than `NOW`. */
const NEWEST = DateTime.fromISO("2026-11-29T08:00:00+08:00", { setZone: true });
const REBUILD_CASES: RebuildCase[] = [
  { label: "rebuild after one new article", change: addStory(async () => NEWEST, "bench-one-more-article.md") },
  { label: "backdated a day", change: addStory(async (articles) => (await newestDate(articles)).minus({ days: 1 }), "bench-backdated-article.md") },
  {
    label: "edit, two years old",
    change: async (articles) => {
      const file = twoYearOldStory(articles);
      const text = await readFile(file, "utf8");
      await replaceFile(file, `${text}\nCorrection: an earlier version of this story misspelt a name.\n`);
      return () => replaceFile(file, text);
    },
  },
  {
    label: "deletion, two years old",
    change: async (articles) => {
      const file = twoYearOldStory(articles);
      const text = await readFile(file, "utf8");
      await rm(file);
      return () => writeFile(file, text);
    },
  },
];

async function benchSize(count: number, withFloor: boolean, runs: number, withHugo: boolean): Promise<Row> {
  const corpusDir = await corpus(count);
  const work = await mkdtemp(path.join(os.tmpdir(), `broadsheet-bench-${count}-`));
  try {
    // The builds read a linked copy, so the rebuild cases never change the kept corpus.
    const articles = path.join(work, "articles");
    await linkTree(corpusDir, articles);
    const floors: Run[] = [];
    const fulls: Run[] = [];
    const hugos: Run[] = [];
    const rebuilds: Run[][] = REBUILD_CASES.map(() => []);
    let footprint: SiteFootprint | undefined;
    let published: Map<string, string> | undefined;
    const deploys: Row["deploys"] = [];
    for (let run = 1; run <= runs; run++) {
      const of = runs > 1 ? ` (run ${run} of ${runs})` : "";
      if (withFloor) {
        console.error(`[bench] ${count}: bare Eleventy floor${of}…`);
        const bare = await writeBareProject(articles);
        floors.push(await runMeasured(process.execPath, [path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs", `--output=${path.join(work, "floor")}`], { cwd: bare }));
        await rm(path.join(work, "floor"), { recursive: true, force: true });
        await rm(bare, { recursive: true, force: true });
      }
      // Each run from an empty cache and output folder, then a rebuild with what it kept.
      await rm(path.join(work, "site"), { recursive: true, force: true });
      await rm(path.join(work, "cache"), { recursive: true, force: true });
      const env = { BROADSHEET_ARTICLES: articles, BROADSHEET_CACHE: path.join(work, "cache"), SOURCE_DATE_EPOCH: NOW };
      const build = ["src/cli/build.mjs", "--output", path.join(work, "site")];
      console.error(`[bench] ${count}: full build${of}…`);
      fulls.push(await runMeasured(process.execPath, build, { cwd: root, env }));
      footprint ??= measureFootprint(path.join(work, "site"));
      // The full build's files, against which each rebuild's are counted (once: builds are reproducible).
      const countDeploys = published === undefined;
      published ??= contentHashes(path.join(work, "site"));
      if (withHugo) {
        // In turn with the full build, so a drift in the machine's speed touches both alike.
        console.error(`[bench] ${count}: Hugo + Pagefind${of}…`);
        const hugo = await writeHugoProject(articles);
        const out = path.join(work, "hugo");
        const pagefind = path.join(root, "node_modules/.bin/pagefind");
        hugos.push(await runMeasured("sh", ["-c", `hugo --quiet --source "${hugo}" --destination "${out}" && "${pagefind}" --site "${out}" > /dev/null`], { cwd: hugo }));
        await rm(out, { recursive: true, force: true });
        await rm(hugo, { recursive: true, force: true });
      }

      // A build updates the site it replaced two builds ago in place (src/render/spare-site.ts),
      // which a machine that keeps its output folder always has and a fresh full build has not:
      // one rebuild with no change first, unmeasured, so every case starts from that steady state.
      console.error(`[bench] ${count}: a rebuild with no change, unmeasured${of}…`);
      await runMeasured(process.execPath, build, { cwd: root, env });
      // Each case from the cache the full build kept: a linked copy of it, as builds replace
      // cache files (renamed into place, pruned) and never write into one.
      const kept = path.join(work, "cache-kept");
      await linkTree(path.join(work, "cache"), kept);
      for (const [index, rebuildCase] of REBUILD_CASES.entries()) {
        console.error(`[bench] ${count}: ${rebuildCase.label}${of}…`);
        await linkTree(kept, path.join(work, "cache"));
        const undo = await rebuildCase.change(articles);
        try {
          rebuilds[index]!.push(await runMeasured(process.execPath, build, { cwd: root, env }));
          if (countDeploys) deploys.push(deployDelta(published, contentHashes(path.join(work, "site"))));
        } finally {
          await undo();
        }
      }
      await rm(kept, { recursive: true, force: true });
    }
    const full = medianRun(fulls);
    const data = numberIn(/read in ([\d.]+) s/, full.stdout);
    const search = numberIn(/search index: .* ([\d.]+) s\./, full.stdout);
    const total = numberIn(/wrote .* in ([\d.]+) s /, full.stdout);
    const pages = numberIn(/(\d+) pages and \d+ other files written/, full.stdout) + numberIn(/pages and (\d+) other files written/, full.stdout);
    const ratios = hugos.map((hugo, index) => fulls[index]!.wallSeconds / hugo.wallSeconds).sort((a, b) => a - b);
    const hugoRatio = ratios.length > 0 ? ratios[Math.floor((ratios.length - 1) / 2)] : undefined;
    return { articles: count, runs, pages, floor: floors.length > 0 ? medianRun(floors) : undefined, full, hugo: hugos.length > 0 ? medianRun(hugos) : undefined, hugoRatio, rebuilds: rebuilds.map(medianRun), deploys, footprint: footprint!, phases: { data, search, render: total - data } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const mib = (bytes: number) => `${Math.round(bytes / 1048576).toLocaleString("en")} MiB`;
const s = (value: number) => `${value.toFixed(1)} s`;

function table(rows: Row[]): string {
  const lines = [
    `| articles | runs | pages | bare Eleventy (floor) | Broadsheet full build | ratio | CPU | ms an article | data | render + write | search index (alongside) | peak memory, all processes | largest process | ${REBUILD_CASES.map((rebuildCase) => rebuildCase.label).join(" | ")} |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ${REBUILD_CASES.map(() => "---:").join(" | ")} |`,
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.articles.toLocaleString("en")} | ${row.runs} | ${row.pages.toLocaleString("en")} | ${row.floor ? `${s(row.floor.wallSeconds)}, ${mib(row.floor.peakTotalBytes)}` : "—"} | ${s(row.full.wallSeconds)} | ${row.floor ? `${(row.full.wallSeconds / row.floor.wallSeconds).toFixed(2)}×` : "—"} | ${s(row.full.cpuSeconds)} | ${((row.full.wallSeconds * 1000) / row.articles).toFixed(2)} | ${s(row.phases.data)} | ${s(row.phases.render)} | ${s(row.phases.search)} | ${mib(row.full.peakTotalBytes)} | ${mib(row.full.peakProcessBytes)} | ${row.rebuilds.map((rebuild) => `${s(rebuild.wallSeconds)} (${((rebuild.wallSeconds / row.full.wallSeconds) * 100).toFixed(1)} %)`).join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

/** A small line chart: build time (full, floor, rebuild) and peak memory against articles, log scale. */
function chart(rows: Row[]): string {
  const width = 720;
  const height = 300;
  const pad = { left: 60, right: 20, top: 36, bottom: 44 };
  const panel = (width - pad.left - pad.right - 60) / 2;
  const xs = rows.map((row) => Math.log10(row.articles));
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs) === Math.min(...xs) ? Math.min(...xs) + 1 : Math.max(...xs)];
  const svg = create().ele("svg", { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "sans-serif", "font-size": "11" });
  svg.ele("title").txt("Broadsheet build time and memory against the number of articles");
  svg.ele("rect", { width, height, fill: "#fffdf8" });
  const panels: Array<{ title: string; unit: string; series: Array<{ label: string; colour: string; values: Array<number | undefined> }> }> = [
    {
      title: "Build time (s)",
      unit: "s",
      series: [
        { label: "full build", colour: "#8f1d1d", values: rows.map((row) => row.full.wallSeconds) },
        { label: "bare Eleventy", colour: "#555555", values: rows.map((row) => row.floor?.wallSeconds) },
        { label: "rebuild", colour: "#123f7a", values: rows.map((row) => row.rebuilds[0]!.wallSeconds) },
      ],
    },
    {
      title: "Peak memory, all processes (MiB)",
      unit: "MiB",
      series: [
        { label: "full build", colour: "#8f1d1d", values: rows.map((row) => row.full.peakTotalBytes / 1048576) },
        { label: "bare Eleventy", colour: "#555555", values: rows.map((row) => (row.floor ? row.floor.peakTotalBytes / 1048576 : undefined)) },
      ],
    },
  ];
  panels.forEach((chartPanel, index) => {
    const left = pad.left + index * (panel + 60);
    const maxY = Math.max(...chartPanel.series.flatMap((series) => series.values.filter((value) => value !== undefined))) * 1.1;
    const x = (value: number) => left + ((value - minX) / (maxX - minX || 1)) * panel;
    const y = (value: number) => height - pad.bottom - (value / maxY) * (height - pad.top - pad.bottom);
    svg.ele("text", { x: left, y: 20, "font-weight": "bold" }).txt(chartPanel.title);
    svg.ele("line", { x1: left, y1: height - pad.bottom, x2: left + panel, y2: height - pad.bottom, stroke: "#999" });
    svg.ele("line", { x1: left, y1: pad.top, x2: left, y2: height - pad.bottom, stroke: "#999" });
    for (const fraction of [0, 0.5, 1]) {
      svg.ele("text", { x: left - 6, y: y(maxY * fraction / 1.1) + 4, "text-anchor": "end" }).txt(String(Math.round((maxY * fraction) / 1.1)));
    }
    rows.forEach((row, rowIndex) => {
      svg.ele("text", { x: x(xs[rowIndex]!), y: height - pad.bottom + 16, "text-anchor": "middle" }).txt(row.articles.toLocaleString("en"));
    });
    svg.ele("text", { x: left + panel / 2, y: height - 8, "text-anchor": "middle" }).txt("articles (log scale)");
    chartPanel.series.forEach((series, seriesIndex) => {
      // A series without a value at some size (the floor above --floor-up-to) stops there.
      const measured = series.values.flatMap((value, rowIndex) => (value === undefined ? [] : [{ x: x(xs[rowIndex]!).toFixed(1), y: y(value).toFixed(1) }]));
      svg.ele("polyline", { points: measured.map((point) => `${point.x},${point.y}`).join(" "), fill: "none", stroke: series.colour, "stroke-width": 2 });
      for (const point of measured) svg.ele("circle", { cx: point.x, cy: point.y, r: 3, fill: series.colour });
      svg.ele("text", { x: left + 8, y: pad.top + 12 + seriesIndex * 14, fill: series.colour }).txt(series.label);
    });
  });
  return svg.end({ prettyPrint: true });
}

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "1000,10000" }, "floor-up-to": { type: "string", default: "50000" }, runs: { type: "string", default: "3" }, hugo: { type: "boolean", default: false } },
});
const sizes = values.sizes.split(",").map((size) => Number(size.trim())).filter((size) => size > 0);
const floorUpTo = Number(values["floor-up-to"]);
// Medians of `--runs` runs up to 10,000 articles; larger corpora take minutes a build, so one.
const rows: Row[] = [];
for (const size of sizes) rows.push(await benchSize(size, size <= floorUpTo, size <= 10_000 ? Number(values.runs) : 1, values.hugo));
console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 1073741824)} GiB, Node ${process.version}\n`);
console.log(table(rows));
for (const row of rows) {
  if (!row.hugo) continue;
  console.log(`\nHugo + Pagefind at ${row.articles.toLocaleString("en")} articles: ${s(row.hugo.wallSeconds)} (CPU ${s(row.hugo.cpuSeconds)}, largest process ${mib(row.hugo.peakProcessBytes)}); Broadsheet's full build over it, paired: ${row.hugoRatio!.toFixed(2)}×`);
}
console.log(`\nWhat an article costs the site (bytes as 10^3, files; site total over articles):\n`);
console.log(`| articles | site | an article, all in | ${FOOTPRINT_KINDS.join(" | ")} |`);
console.log(`| ---: | ---: | ---: |${FOOTPRINT_KINDS.map(() => " ---: |").join("")}`);
for (const row of rows) {
  const { total } = row.footprint;
  const kinds = FOOTPRINT_KINDS.map((kind) => perArticle(row.footprint[kind], row.articles)).join(" | ");
  console.log(`| ${row.articles.toLocaleString("en")} | ${(total.bytes / 1e6).toFixed(1)} MB in ${total.files.toLocaleString("en")} files | ${perArticle(total, row.articles)} | ${kinds} |`);
}
console.log(`\nWhat a deploy uploads after each one-article change (files whose bytes differ from the full build's site, as \`npm run deploy:sync\` compares them):\n`);
console.log(`| articles | ${REBUILD_CASES.map((rebuildCase) => rebuildCase.label).join(" | ")} |`);
console.log(`| ---: |${REBUILD_CASES.map(() => " ---: |").join("")}`);
for (const row of rows) {
  const cells = row.deploys.map(({ uploads, deletions, files }) => `${uploads.toLocaleString("en")} of ${files.toLocaleString("en")} (${((uploads / files) * 100).toFixed(2)} %), ${deletions} deleted`);
  console.log(`| ${row.articles.toLocaleString("en")} | ${cells.join(" | ")} |`);
}
const first = rows[0]!;
for (const row of rows.slice(1)) {
  const growth = row.full.wallSeconds / row.articles / (first.full.wallSeconds / first.articles);
  console.log(`\nCost an article at ${row.articles.toLocaleString("en")} vs ${first.articles.toLocaleString("en")}: ${growth.toFixed(2)}×`);
}
await mkdir(path.join(root, "docs"), { recursive: true });
await writeFile(path.join(root, "docs", "bench.svg"), chart(rows));
console.log("\nChart: docs/bench.svg");
