/**
 * A deterministic corpus of generated articles that follow the article contract, for
 * `npm run bench` and the search measurements: the same seed always writes the same files.
 * Articles have 400–1,200 words, six sections and tags drawn from a vocabulary of 400.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";

/** mulberry32: a small, fast, seedable PRNG, so corpora are reproducible. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = ["china", "world", "economy", "sci-tech", "culture", "society"];
const ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "cl", "dr", "fl", "gr", "pl", "sh", "st", "tr"];
const NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ee"];
const CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "rk"];

/** A vocabulary of pronounceable made-up words (no real text is copied). */
function makeVocabulary(random: () => number, size: number): string[] {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = "";
    for (let index = 0; index < syllables; index++) word += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
    words.add(word);
  }
  return [...words];
}

/** Distinct words in the corpus: about what a year of a newsroom's English uses. */
const VOCABULARY_SIZE = 20_000;

/**
 * Draws word ranks with Zipf's law (frequency ∝ 1 / rank), the distribution of words in natural
 * language, by binary search over the cumulative weights.
 */
export function zipfSampler(size: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** The newest article's date; the rest go back one article every few hours. */
  newest?: DateTime;
}

/** Writes `count` articles into `dir` (emptied first) as `{yyyy}/{mm}/{slug}.md`. */
export async function writeCorpus(dir: string, { count, seed = 20260101, newest = DateTime.fromISO("2026-11-28T12:00:00+08:00", { setZone: true }) }: CorpusOptions): Promise<void> {
  const random = createRandom(seed);
  const vocabulary = makeVocabulary(random, VOCABULARY_SIZE);
  const zipf = zipfSampler(VOCABULARY_SIZE, random);
  const tags = makeVocabulary(createRandom(seed + 1), 400).map((word) => word[0]!.toUpperCase() + word.slice(1));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  // Word frequencies follow Zipf's law, as in real text: a few very common words, a long tail.
  const word = () => vocabulary[zipf()]!;
  const sentence = () => {
    const length = 8 + Math.floor(random() * 16);
    const words = Array.from({ length }, word);
    return `${words[0]![0]!.toUpperCase()}${words.join(" ").slice(1)}.`;
  };
  await rm(dir, { recursive: true, force: true });
  const made = new Set<string>();
  const spacingMinutes = Math.max(5, Math.floor((5 * 365 * 24 * 60) / count));
  for (let index = 0; index < count; index++) {
    const date = newest.minus({ minutes: index * spacingMinutes + Math.floor(random() * spacingMinutes) });
    const titleWords = Array.from({ length: 5 + Math.floor(random() * 6) }, word);
    const title = `${titleWords[0]![0]!.toUpperCase()}${titleWords.join(" ").slice(1)}`;
    const slug = `${titleWords.slice(0, 5).join("-")}-${index}`;
    const articleTags = [...new Set(Array.from({ length: 2 + Math.floor(random() * 4) }, () => tags[Math.floor(tags.length * random() ** 2)]!))];
    const paragraphs: string[] = [];
    const target = 400 + Math.floor(random() * 800);
    let words = 0;
    while (words < target) {
      const paragraph = Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(" ");
      words += paragraph.split(" ").length;
      paragraphs.push(paragraph);
    }
    const folder = path.join(dir, date.toFormat("yyyy"), date.toFormat("MM"));
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    const frontMatter = [
      "---",
      `title: ${JSON.stringify(title)}`,
      `date: ${date.toISO({ suppressMilliseconds: true })}`,
      `section: ${pick(SECTIONS)}`,
      `tags: ${JSON.stringify(articleTags)}`,
      `summary: ${JSON.stringify(sentence())}`,
      `credit: ${pick(["Broadsheet Daily", "Eastern Wire", "New Society"])}`,
      `editor: ${pick(["Lin Qiao", "Chen Yuxi", "Wang Haoran"])}`,
      "---",
    ].join("\n");
    await writeFile(path.join(folder, `${slug}.md`), `${frontMatter}\n\n${paragraphs.join("\n\n")}\n`);
  }
}
