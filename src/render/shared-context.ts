import type { Newsroom } from "../collections/newsroom.ts";

/** What every page rendered here reads besides its own data, and the hash of all of it. */
export interface SharedContext {
  newsroom: Newsroom;
  /** The templates' global data: `site`, `csp`, `newsroom`. */
  context: Record<string, unknown>;
  /** Code and templates, build settings, site settings and editions: a change to any re-renders every page. */
  key: string;
}
