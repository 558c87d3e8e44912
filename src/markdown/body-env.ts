import type { PluginWithParams } from "markdown-it";
import markdownItContainer from "markdown-it-container";
import type { Embed } from "./embeds.ts";

/**
 * What rendering a story body needs of the build, in markdown-it's `env`: each photo's responsive
 * versions, each embed's player, the edition's words. The body's plugins know nothing of
 * articles or of images on disk.
 */

/** A photo's responsive versions (the image step's `ResponsiveImage`, structurally). */
export interface Picture {
  sources: ReadonlyArray<{ type: string; srcset: string }>;
  fallback: { url: string; width: number; height: number; srcset: string };
  sizes: string;
}

/** What rendering a body needs besides its Markdown. */
export interface BodyEnv {
  /** Each body photo's responsive versions, by its `src` as written. */
  pictures?: ReadonlyMap<string, Picture>;
  /** Each embed, by its address as written. */
  embeds?: ReadonlyMap<string, Embed>;
  /** True when the page has no lead photo: the first body photo is then above the fold, not lazy. */
  firstPhotoEager?: boolean;
  /** A feed's body: plain `<img>`s (one size, made absolute later) and plain links for embeds. */
  forFeed?: boolean;
  /** The edition's words for what the body adds (`_data/ui.json`); English when not given. */
  words?: BodyWords;
}

/** The interface words a body's boxes, galleries, tables and embeds print. */
export interface BodyWords {
  bodyNote: string;
  bodyFactBox: string;
  /** `{title}`: the gallery's. */
  bodyGallery: string;
  bodyTable: string;
  /** The embed's button: `{title}` and `{provider}`. */
  embedLoad: string;
  footnoteBack: string;
}

/** The words when a body is rendered with none (a unit test, a search record). */
export const ENGLISH: BodyWords = {
  bodyNote: "Editor’s note",
  bodyFactBox: "Fact box",
  bodyGallery: "Gallery: {title}",
  bodyTable: "Table",
  embedLoad: "Load {title} (from {provider})",
  footnoteBack: "Back to the text",
};

/** The edition's words for a body, English when none were given. */
export const wordsOf = (env: BodyEnv): BodyWords => env.words ?? ENGLISH;


/** markdown-it-container, typed against this project's markdown-it (its types name the CommonJS build's). */
export const container = markdownItContainer as unknown as PluginWithParams;
