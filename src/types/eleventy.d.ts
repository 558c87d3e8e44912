// Eleventy 3 ships no TypeScript types; these declare the parts Broadsheet uses.
declare module "@11ty/eleventy" {
  /** The `eleventyConfig` object a config function and its plugins receive. */
  export interface EleventyConfig {
    addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void, options?: Options): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addShortcode(name: string, shortcode: (this: never, ...args: never[]) => string): void;
    addWatchTarget(target: string): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    on(event: string, handler: (...args: never[]) => unknown): void;
    /** A template with no file: for `.11ty.js` paths, `content` is `{ data, render }` as a JavaScript template exports. */
    addTemplate(virtualInputPath: string, content: unknown, data?: Record<string, unknown>): void;
    addTransform(name: string, transform: (this: { page: { url: string; outputPath: string } }, content: string, outputPath: string) => unknown): void;
    addLinter(name: string, linter: (this: { page: { url: string } }, content: string, inputPath: string, outputPath: string) => unknown): void;
    /** Added with `addTransform` (Eleventy's own first), by name. */
    readonly transforms: Record<string, (this: Record<string, unknown>, content: string, outputPath: string) => unknown>;
    readonly linters: Record<string, (this: Record<string, unknown>, content: string, inputPath: string, outputPath: string) => unknown>;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean });
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}
