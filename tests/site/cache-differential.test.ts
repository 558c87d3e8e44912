import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { fileHashes } from "../helpers/files.ts";
import { buildSite, fixtureArticles, FIXTURE_EPOCH, projectRoot } from "../helpers/site.ts";

// A differential test of the build cache: a seeded sequence of edits to the fixture newsroom
// (titles, summaries, tags, sections, dates, images, credits, translations, a deleted article, a
// new one, a `_data/` file), each followed by a rebuild with the one cache every step shares and
// a build of the same files from an empty cache. After every step both must be the same bytes.
// The build reads `_data/` from the project folder, so the project is copied (node_modules linked)
// and every build runs in the copy, whose `_data/` the edits change.

const SEED = 20_251_215;
const KINDS = ["title", "summary", "tag", "section", "date", "image", "credit", "translation", "delete", "add", "data"] as const;
type Kind = (typeof KINDS)[number];
/** Each kind twice, then seeded picks up to this many steps, shuffled (each kind twice is 22). */
const STEPS = 22;

/** mulberry32: a small seeded PRNG, so every run makes the same edits. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("nothing to pick from");
    return items[int(items.length)]!;
  };
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  return { next, int, pick, shuffle };
}

type Fields = Record<string, unknown>;
interface ArticleFile {
  fields: Fields;
  body: string;
}

const DATE_FIELDS = new Set(["date", "updated"]);

/** Front matter as YAML the contract reads: dates bare (a bare date stays a bare date), the rest JSON, which YAML reads as written. */
function serialize({ fields, body }: ArticleFile): string {
  const lines = Object.entries(fields).map(([key, value]) => {
    if (DATE_FIELDS.has(key)) return `${key}: ${String(value)}`;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return [`${key}:`, ...Object.entries(value).map(([inner, innerValue]) => `  ${inner}: ${JSON.stringify(innerValue)}`)].join("\n");
    }
    return `${key}: ${JSON.stringify(value)}`;
  });
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

function parse(text: string): ArticleFile {
  const end = text.indexOf("\n---\n", 4);
  // CORE_SCHEMA keeps dates as the text written, so they are written back the same.
  const fields = yaml.load(text.slice(4, end), { schema: yaml.CORE_SCHEMA }) as Fields;
  return { fields, body: text.slice(end + 5) };
}

let project: string;
let articles: string;
const data = () => path.join(project, "_data");
const env = { SOURCE_DATE_EPOCH: FIXTURE_EPOCH, SITE_URL: "https://differential.example.org", BROADSHEET_SEARCH_SHARD_SIZE: "16" };

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "broadsheet-differential-"));
  for (const entry of ["src", "_data", "_includes", "eleventy.config.ts", "package.json", "package-lock.json", "tsconfig.json"]) {
    await cp(path.join(projectRoot, entry), path.join(project, entry), { recursive: true });
  }
  await symlink(path.join(projectRoot, "node_modules"), path.join(project, "node_modules"));
  articles = path.join(project, "articles");
  await cp(fixtureArticles, articles, { recursive: true });
});

/** The newsroom's Markdown files, as paths relative to it. */
async function articleFiles(): Promise<string[]> {
  const entries = await readdir(articles, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.relative(articles, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function readArticle(file: string): Promise<ArticleFile> {
  return parse(await readFile(path.join(articles, file), "utf8"));
}

async function writeArticle(file: string, article: ArticleFile): Promise<void> {
  await mkdir(path.dirname(path.join(articles, file)), { recursive: true });
  await writeFile(path.join(articles, file), serialize(article));
}

async function editJson<T>(file: string, change: (json: T) => string): Promise<string> {
  const full = path.join(data(), file);
  const json = JSON.parse(await readFile(full, "utf8")) as T;
  const what = change(json);
  await writeFile(full, `${JSON.stringify(json, null, 2)}\n`);
  return `_data/${file}: ${what}`;
}

const SECTIONS = ["china", "world", "economy", "sci-tech", "culture", "society"];
const TAG_POOL = ["trade", "climate", "ports", "人工智能", "非遗", "C++", "public health", "5G", "茶叶", "harbour", "Élection", "data & rights"];
const WORDS = ["harbour", "ferry", "budget", "lantern", "quay", "typhoon", "orchard", "bridge", "census", "glacier", "茶", "港口", "选举"];
/** Image files an article may show: the fixture's photo and two of the brand's PNGs. */
const IMAGES = [path.join(fixtureArticles, "2025/04/clinic-queue.jpg"), path.join(projectRoot, "_data/brand/social.png"), path.join(projectRoot, "_data/brand/icon.png")];

/** One seeded edit of the given kind; returns what it did, for the report. */
async function applyEdit(kind: Kind, random: ReturnType<typeof prng>, step: number): Promise<string> {
  const files = await articleFiles();
  const phrase = (count: number) => Array.from({ length: count }, () => random.pick(WORDS)).join(" ");
  const edit = async (file: string, change: (fields: Fields) => string) => {
    const article = await readArticle(file);
    const what = change(article.fields);
    await writeArticle(file, article);
    return `${file}: ${what}`;
  };
  const isZh = async (file: string) => file.startsWith("zh/") || (await readArticle(file)).fields.lang === "zh";
  switch (kind) {
    case "title":
      return edit(random.pick(files), (fields) => `title → ${JSON.stringify((fields.title = `${phrase(3)} (step ${step})`))}`);
    case "summary":
      return edit(random.pick(files), (fields) => {
        if (fields.summary && random.next() < 0.3) {
          delete fields.summary;
          return "summary removed";
        }
        return `summary → ${JSON.stringify((fields.summary = `${phrase(6)}.`))}`;
      });
    case "tag":
      return edit(random.pick(files), (fields) => {
        const tags = [...((fields.tags as string[] | undefined) ?? [])];
        if (tags.length > 0 && random.next() < 0.4) {
          const [removed] = tags.splice(random.int(tags.length), 1);
          fields.tags = tags;
          return `tag ${JSON.stringify(removed)} removed`;
        }
        const added = random.pick(TAG_POOL.filter((tag) => !tags.includes(tag)));
        fields.tags = [...tags, added];
        return `tag ${JSON.stringify(added)} added`;
      });
    case "section":
      return edit(random.pick(files), (fields) => `section ${String(fields.section)} → ${(fields.section = random.pick(SECTIONS.filter((key) => key !== fields.section)))}`);
    case "date":
      return edit(random.pick(files), (fields) => {
        // Mostly before the fixture's "now" (2025-06-01); now and then after it, an embargo.
        const month = random.next() < 0.15 ? 6 : 1 + random.int(5);
        const day = 1 + random.int(27);
        const pad = (n: number) => String(n).padStart(2, "0");
        const bare = random.next() < 0.2;
        const date = bare ? `2025-${pad(month)}-${pad(day)}` : `2025-${pad(month)}-${pad(day)}T${pad(random.int(24))}:${pad(random.int(60))}:00${random.pick(["+08:00", "Z"])}`;
        fields.date = date;
        let what = `date → ${date}`;
        if (fields.updated) {
          // `updated` must not be before `date`: the next day, later than any time the date can mean.
          fields.updated = `2025-${pad(month)}-${pad(day + 1)}T23:59:00Z`;
          what += `, updated → ${String(fields.updated)}`;
        }
        return what;
      });
    case "image": {
      const file = random.pick(files);
      const article = await readArticle(file);
      const image = article.fields.image as Record<string, string> | undefined;
      const choice = random.next();
      let what: string;
      if (image && choice < 0.25) {
        delete article.fields.image;
        what = "image removed";
      } else if (image && choice < 0.6) {
        const field = random.pick(["alt", "caption", "credit"]);
        image[field] = `${phrase(4)} (${field}, step ${step})`;
        what = `image ${field} → ${JSON.stringify(image[field])}`;
      } else {
        // A new picture (or another in place of the one shown), next to the article.
        const source = random.pick(IMAGES);
        const name = `picture-${step}${path.extname(source)}`;
        await copyFile(source, path.join(articles, path.dirname(file), name));
        article.fields.image = { src: name, alt: `${phrase(3)} (alt, step ${step})`, ...(random.next() < 0.5 ? { caption: phrase(5) } : {}) };
        what = `image → ${name} (a copy of ${path.basename(source)})`;
      }
      await writeArticle(file, article);
      return `${file}: ${what}`;
    }
    case "credit":
      return edit(random.pick(files), (fields) => {
        if (fields.credit && random.next() < 0.3) {
          delete fields.credit;
          return "credit removed";
        }
        return `credit → ${JSON.stringify((fields.credit = random.pick(["Eastern Wire", "Metro Evening", "New Society", `${phrase(2)} Agency`])))}`;
      });
    case "translation": {
      const zh: string[] = [];
      const en: string[] = [];
      for (const file of files) ((await isZh(file)) ? zh : en).push(file);
      const choice = random.next();
      const keyed: string[] = [];
      for (const file of files) if ((await readArticle(file)).fields.translationKey) keyed.push(file);
      if (keyed.length > 0 && choice < 0.25) {
        return edit(random.pick(keyed), (fields) => {
          const key = fields.translationKey;
          delete fields.translationKey;
          return `translationKey ${JSON.stringify(key)} removed`;
        });
      }
      if (choice < 0.5) {
        const translated = random.pick(zh.filter((file) => keyed.includes(file)).length > 0 ? zh.filter((file) => keyed.includes(file)) : zh);
        return edit(translated, (fields) => `translation's title → ${JSON.stringify((fields.title = `${phrase(3)}（第${step}步）`))}`);
      }
      // Link a Chinese article and an English one under a new key (each leaves its old pairing).
      const key = `pair-${step}`;
      const first = await edit(random.pick(zh), (fields) => `translationKey → ${(fields.translationKey = key)}`);
      const second = await edit(random.pick(en), (fields) => `translationKey → ${(fields.translationKey = key)}`);
      return `${first}; ${second}`;
    }
    case "delete": {
      const file = random.pick(files);
      await unlink(path.join(articles, file));
      return `${file} deleted`;
    }
    case "add": {
      const lang = random.next() < 0.3 ? "zh" : "en";
      const month = 1 + random.int(5);
      const slug = `added-story-${step}`;
      const file = `${lang === "zh" ? "zh/" : ""}2025/${String(month).padStart(2, "0")}/${slug}.md`;
      const fields: Fields = {
        title: `${phrase(4)} (added at step ${step})`,
        date: `2025-${String(month).padStart(2, "0")}-${String(1 + random.int(28)).padStart(2, "0")}T${String(random.int(24)).padStart(2, "0")}:15:00+08:00`,
        section: random.pick(SECTIONS),
        tags: [random.pick(TAG_POOL), random.pick(TAG_POOL)].filter((tag, index, all) => all.indexOf(tag) === index),
        ...(random.next() < 0.7 ? { summary: `${phrase(7)}.` } : {}),
        ...(lang === "zh" ? { lang } : {}),
      };
      await writeArticle(file, { fields, body: `\n${phrase(20)}.\n\n${phrase(12)}.\n` });
      return `${file} added (${String(fields.section)}, ${lang})`;
    }
    case "data": {
      const choice = random.int(5);
      const words = phrase(4);
      if (choice === 0) {
        return editJson("sections.json", (sections: { key: string; description: string }[]) => {
          const section = random.pick(sections);
          section.description = `${words} (step ${step}).`;
          return `${section.key}'s description → ${JSON.stringify(section.description)}`;
        });
      }
      if (choice === 1) return editJson("site.json", (site: { tagline: string }) => `tagline → ${JSON.stringify((site.tagline = `${words} (step ${step})`))}`);
      if (choice === 2) {
        return editJson("partners.json", (partners: { links: { name: string }[] }) => {
          const link = random.pick(partners.links);
          const before = link.name;
          link.name = `${words} (step ${step})`;
          return `partner ${JSON.stringify(before)} → ${JSON.stringify(link.name)}`;
        });
      }
      if (choice === 3) {
        return editJson("ui.json", (ui: Record<string, unknown>) => {
          const key = random.pick(["home", "tags", "updated", "searchButton", "sectionsNav"].filter((candidate) => typeof ui[candidate] === "string"));
          return `ui ${key} → ${JSON.stringify((ui[key] = `${words} ${step}`))}`;
        });
      }
      return editJson("editions/zh.json", (zh: { tagline: string }) => `zh tagline → ${JSON.stringify((zh.tagline = `${words}（第${step}步）`))}`);
    }
  }
}

/** Files that differ between two builds, each with how. */
function differences(cached: Record<string, string>, cold: Record<string, string>): string[] {
  const found: string[] = [];
  for (const file of new Set([...Object.keys(cached), ...Object.keys(cold)])) {
    if (!(file in cold)) found.push(`${file}: only in the rebuild`);
    else if (!(file in cached)) found.push(`${file}: missing from the rebuild`);
    else if (cached[file] !== cold[file]) found.push(`${file}: different bytes`);
  }
  return found.sort();
}

describe("a rebuild with the cache after each of a seeded sequence of edits", () => {
  it("writes the same bytes as a build of the same files from an empty cache", { timeout: 600_000 }, async () => {
    const random = prng(SEED);
    const steps = random.shuffle([...KINDS, ...KINDS, ...Array.from({ length: STEPS - 2 * KINDS.length }, () => random.pick(KINDS))]);
    const started = performance.now();
    const work = await mkdtemp(path.join(os.tmpdir(), "broadsheet-differential-builds-"));
    const cache = path.join(work, "cache");
    const output = path.join(work, "site");
    const first = await buildSite({ ...env, BROADSHEET_ARTICLES: articles, BROADSHEET_CACHE: cache }, output, project);
    expect(first.exitCode, first.stderr).toBe(0);

    const done: string[] = [];
    let reused = 0;
    for (const [index, kind] of steps.entries()) {
      const step = index + 1;
      const edit = await applyEdit(kind, random, step);
      done.push(`${step}. ${kind}: ${edit}`);
      const coldOutput = path.join(work, `cold-${step}`, "site");
      const [rebuilt, cold] = await Promise.all([
        buildSite({ ...env, BROADSHEET_ARTICLES: articles, BROADSHEET_CACHE: cache }, output, project),
        buildSite({ ...env, BROADSHEET_ARTICLES: articles }, coldOutput, project),
      ]);
      expect(rebuilt.exitCode, `step ${step} (${kind}: ${edit}), the rebuild:\n${rebuilt.stderr}`).toBe(0);
      expect(cold.exitCode, `step ${step} (${kind}: ${edit}), the cold build:\n${cold.stderr}`).toBe(0);
      reused += Number(/article pages: \d+ rendered, (\d+) reused/.exec(rebuilt.stdout)?.[1] ?? 0);
      const differing = differences(await fileHashes(output), await fileHashes(coldOutput));
      if (differing.length > 0) {
        throw new Error(
          `step ${step} of ${steps.length} (${kind}: ${edit}): the rebuild with the cache differs from a cold build in ${differing.length} files:\n  ${differing.slice(0, 30).join("\n  ")}\n` +
            `edits so far:\n  ${done.join("\n  ")}`,
        );
      }
      await rm(path.dirname(coldOutput), { recursive: true, force: true });
    }
    // Every kind ran at least twice, and the rebuilds reused the cache, not just rendered it all.
    for (const kind of KINDS) expect(steps.filter((candidate) => candidate === kind).length).toBeGreaterThanOrEqual(2);
    expect(reused).toBeGreaterThan(steps.length * 10);
    console.log(`${steps.length} steps (${KINDS.map((kind) => `${kind} ×${steps.filter((candidate) => candidate === kind).length}`).join(", ")}) in ${((performance.now() - started) / 1000).toFixed(1)} s; ${reused} article pages reused`);
    await rm(work, { recursive: true, force: true });
  });
});
