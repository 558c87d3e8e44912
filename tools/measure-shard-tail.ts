/**
 * `npx tsx tools/measure-shard-tail.ts ARTICLES_DIR [STORIES]`: how much of the search index new
 * stories re-index, for several minor-cut spacings of the shard plan's newest stretch. Publishes
 * STORIES (default 2,000) new stories after the folder's newest, one at a time, twenty times over
 * (other file names, so other hashes), and prints per story the articles re-indexed and the search
 * files a deploy would upload: for each re-indexed shard, one index chunk per 12 articles
 * (Pagefind's chunks hold about a dozen articles' words) and 5 more files (two filter files, the
 * metadata, the entry file, the newest fragment group), plus the manifest. That model gives 66 files
 * for a 716-article shard and 7 for a 2-article tail, as real builds of 3,000 articles did.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cutHash, cutSizes, shardLimits } from "../src/search/shard-plan.ts";

const [dir, storiesArgument] = process.argv.slice(2);
if (!dir) throw new Error("usage: tools/measure-shard-tail.ts ARTICLES_DIR [STORIES]");
const stories = Number(storiesArgument ?? 2000);
const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
const dated = files.map((file) => ({ file: file.split(path.sep).join("/"), date: Date.parse(/^date: (\S+)$/m.exec(readFileSync(path.join(dir, file), "utf8"))?.[1] ?? "") }));
const oldestFirst = dated.sort((a, b) => a.date - b.date).map((story) => cutHash(story.file));
const SEQUENCES = 20;

console.log(`${oldestFirst.length.toLocaleString("en")} articles, ${stories.toLocaleString("en")} new stories, ${SEQUENCES} sequences\n`);
console.log("| minor cut every | articles re-indexed a story | search files changed a story |\n| ---: | ---: | ---: |");
for (const minorSpacing of [15, 20, 25, 30, 40, 50, 60, Infinity]) {
  const limits = { ...shardLimits(2000), minorSpacing };
  let articles = 0;
  let searchFiles = 0;
  for (let sequence = 0; sequence < SEQUENCES; sequence++) {
    const hashes = [...oldestFirst];
    let sizes = cutSizes(hashes, limits);
    for (let story = 0; story < stories; story++) {
      hashes.push(cutHash(`${sequence}/new/story-${story}.md`));
      const next = cutSizes(hashes, limits);
      // Shards are consecutive: those from the first whose size differs to the newest changed.
      const first = next.findIndex((length, index) => length !== sizes[index]);
      for (const length of next.slice(first)) {
        articles += length;
        searchFiles += Math.ceil(length / 12) + 5;
      }
      searchFiles += 1;
      sizes = next;
    }
  }
  const perStory = (total: number) => (total / stories / SEQUENCES).toFixed(1);
  console.log(`| ${minorSpacing === Infinity ? "never (one newest shard)" : minorSpacing} | ${perStory(articles)} | ${perStory(searchFiles)} |`);
}
