// Eleventy 3 ships no TypeScript types; these declare the parts Broadsheet uses.
declare module "@11ty/eleventy" {
  /** The `eleventyConfig` object a config function and its plugins receive. */
  export interface EleventyConfig {
    addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void, options?: Options): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addWatchTarget(target: string): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    on(event: string, handler: (...args: never[]) => unknown): void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean });
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}
