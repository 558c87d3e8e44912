// eleventy-img ships no TypeScript types; this declares the call Broadsheet makes.
declare module "@11ty/eleventy-img" {
  export interface ImageOptions {
    widths?: Array<number | "auto" | null>;
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
  }
  export default function Image(src: string, options?: ImageOptions): Promise<Record<string, unknown>>;
}
