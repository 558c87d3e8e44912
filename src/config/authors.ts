import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Words given once for each edition, by its language: `{ "en": "Li Wei", "zh": "李伟" }`. */
export type PerEdition = Record<string, string>;

/** One reporter of `_data/authors.json`, checked. */
export interface AuthorSetting {
  /** The front-matter value (`authors: [li-wei]`) and the URL segment (`/authors/li-wei/`). */
  key: string;
  /** The name in every edition. */
  name: PerEdition;
  /** Role and short bio, in the editions that give them. */
  role: PerEdition;
  bio: PerEdition;
  /** The photo file on disk (resolved from `_data/`), when there is one. */
  photoFile?: string;
  /** Addresses of the reporter elsewhere (schema.org `sameAs`). */
  links: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PHOTO_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;
const quote = (value: unknown) => JSON.stringify(value);

/**
 * Reads and checks `_data/authors.json` (a list of reporters; no file, no reporters). Each
 * mistake is an error naming the file and field, e.g.
 * `_data/authors.json: li-wei.name.zh: required: the name in the zh edition`.
 */
export function readAuthors(dataDir: string, languages: readonly string[]): AuthorSetting[] {
  const file = path.join(dataDir, "authors.json");
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const fail = (field: string, reason: string): never => {
    throw new Error(`${file}: ${field}: ${reason}`);
  };
  if (!Array.isArray(data)) fail("authors", 'must be a list of reporters, e.g. [{ "key": "li-wei", "name": { … } }]');
  const seen = new Set<string>();
  return (data as unknown[]).map((entry, index): AuthorSetting => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return fail(`[${index}]`, "must be a map with key and name");
    const record = entry as Record<string, unknown>;
    const key = record.key;
    if (typeof key !== "string" || !SLUG.test(key)) {
      return fail(`[${index}].key`, `${key === undefined ? "required" : `${quote(key)} is not`}: a lowercase slug (letters, digits and single hyphens), e.g. li-wei`);
    }
    if (seen.has(key)) fail(`${key}.key`, "is used by another reporter; choose another");
    seen.add(key);
    const perEdition = (field: string, required: boolean): PerEdition => {
      const value = record[field];
      // An editor (Pages CMS) may save an optional field left empty as null or "".
      if ((value === undefined || value === null) && !required) return {};
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return fail(`${key}.${field}`, `${value === undefined ? "required" : "must be"}: a map of the text in each edition, e.g. { ${languages.map((lang) => `"${lang}": "…"`).join(", ")} }`);
      }
      const texts = value as Record<string, unknown>;
      const given: PerEdition = {};
      for (const [lang, text] of Object.entries(texts)) {
        if (!languages.includes(lang)) fail(`${key}.${field}.${lang}`, `unknown edition; expected one of: ${languages.join(", ")}`);
        if (text !== undefined && text !== null && typeof text !== "string") fail(`${key}.${field}.${lang}`, "must be text");
        if (typeof text === "string" && text.trim() !== "") given[lang] = text.trim();
      }
      if (required) for (const lang of languages) if (!(lang in given)) fail(`${key}.${field}.${lang}`, `required: the ${field} in the ${lang} edition`);
      return given;
    };
    const name = perEdition("name", true);
    const role = perEdition("role", false);
    const bio = perEdition("bio", false);
    let photoFile: string | undefined;
    if (record.photo !== undefined && record.photo !== "") {
      if (typeof record.photo !== "string") return fail(`${key}.photo`, "must be the path of an image file under _data/, e.g. authors/li-wei.jpg");
      photoFile = path.resolve(dataDir, record.photo);
      if (!PHOTO_FILE.test(record.photo)) fail(`${key}.photo`, "must be a JPEG, PNG, WebP, AVIF, GIF or TIFF image");
      if (!existsSync(photoFile)) fail(`${key}.photo`, `no image file ${quote(record.photo)} under ${dataDir}`);
    }
    const links = record.links ?? [];
    if (!Array.isArray(links)) return fail(`${key}.links`, "must be a list of addresses, e.g. [https://example.org/li-wei]");
    links.forEach((link: unknown, at) => {
      if (typeof link !== "string" || !/^https?:\/\/[^\s/]+/.test(link)) fail(`${key}.links.${at}`, `${quote(link)} is not an absolute http(s) address`);
    });
    return { key, name, role, bio, photoFile, links: links as string[] };
  });
}
