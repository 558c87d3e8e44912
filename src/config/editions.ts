import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SectionSetting, SiteSettings } from "./site-data.ts";
import { textLanguagesOf, type TextLanguages } from "../text/text-language.ts";

/**
 * The interface words of an edition (`_data/ui.json`, or an edition's `ui`), typed from
 * `ui.json` itself so a new word is known to the code as soon as it is added there;
 * `readEditions` checks that every other edition gives each of them.
 */
export type UiStrings = typeof import("../../_data/ui.json");

export interface FooterSettings {
  statementTitle: string;
  statement: string;
  copyright: string;
  contactLabel: string;
  email: string;
}

export interface PartnerLinks {
  title: string;
  links: Array<{ name: string; url: string }>;
}

/**
 * One language edition of the site: its own name, section labels, footer, partner links, date
 * formats and interface words, under its own path (`/` for the default, `/zh/` for Chinese).
 */
export interface Edition {
  lang: string;
  /** The `<html lang>` value, e.g. `zh-Hans`. */
  htmlLang: string;
  locale: string;
  /** Site path of the edition's home: `/` or `/zh/`. */
  prefix: string;
  isDefault: boolean;
  name: string;
  tagline: string;
  description: string;
  publisher: string;
  dateFormats: { dateline: string; short: string };
  sections: SectionSetting[];
  footer: FooterSettings;
  partners: PartnerLinks;
  ui: UiStrings;
  /** How its pages tell text of another edition's language (`langAttr`): its script and the others'. */
  textLanguages: TextLanguages;
}

interface EditionFile {
  lang: string;
  htmlLang: string;
  locale: string;
  name: string;
  tagline: string;
  description: string;
  publisher: string;
  dateFormats: { dateline: string; short: string };
  sections: Record<string, { label: string; description: string }>;
  footer: FooterSettings;
  partners: PartnerLinks;
  ui: UiStrings;
}

const readJson = <T>(file: string): T => {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
};

/**
 * The editions of the site, the default first: the default edition from `_data/site.json`,
 * `sections.json`, `footer.json`, `partners.json` and `ui.json`; each other from
 * `_data/editions/{lang}.json`, which must give every section and interface word.
 */
export function readEditions(dataDir: string, site: SiteSettings, sections: SectionSetting[]): Edition[] {
  const defaultUi = readJson<UiStrings>(path.join(dataDir, "ui.json"));
  const editions: Array<Omit<Edition, "textLanguages">> = [
    {
      lang: site.language,
      htmlLang: site.htmlLang,
      locale: site.locale,
      prefix: "/",
      isDefault: true,
      name: site.name,
      tagline: site.tagline,
      description: site.description,
      publisher: site.publisher,
      dateFormats: site.dateFormats,
      sections,
      footer: readJson<FooterSettings>(path.join(dataDir, "footer.json")),
      partners: readJson<PartnerLinks>(path.join(dataDir, "partners.json")),
      ui: defaultUi,
    },
  ];
  const folder = path.join(dataDir, "editions");
  const files = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith(".json")).sort() : [];
  for (const file of files) {
    const source = path.join(folder, file);
    const edition = readJson<EditionFile>(source);
    const missingSections = sections.filter((section) => !edition.sections?.[section.key]).map((section) => section.key);
    const missingWords = Object.keys(defaultUi).filter((key) => !(key in (edition.ui ?? {})));
    if (missingSections.length > 0 || missingWords.length > 0) {
      throw new Error(`${source}: missing ${[...missingSections.map((key) => `sections.${key}`), ...missingWords.map((key) => `ui.${key}`)].join(", ")}`);
    }
    editions.push({
      ...edition,
      prefix: `/${edition.lang}/`,
      isDefault: false,
      sections: sections.map((section) => ({ key: section.key, ...edition.sections[section.key]! })),
    });
  }
  return editions.map((edition, index) => namedInJson({ ...edition, textLanguages: textLanguagesOf(editions, index) }));
}

/**
 * An edition is shared by every page of a build, so a build hashes it once (`editionData`) and
 * wherever else it is held (in an article, a page's view) it serializes as its name: hashing
 * 10,000 views then costs what the views hold, not 10,000 copies of the words and sections.
 */
function namedInJson(edition: Edition): Edition {
  return Object.defineProperty(edition, "toJSON", { value: () => ({ edition: edition.lang }), enumerable: false });
}

/** An edition's own data in full, for hashing it (its JSON is its name). */
export function editionData(edition: Edition): Edition {
  return { ...edition };
}

/**
 * Fills `{name}` placeholders of an interface string.
 * @example fillText("Links total {count}", { count: 12 }) // "Links total 12"
 */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
