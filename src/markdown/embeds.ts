/**
 * Embeds: video and other frames from an allowed list of hosts. An editor gives the page address
 * readers know (a YouTube watch page); the frame is played from the provider's privacy-minded
 * player (youtube-nocookie, Vimeo's do-not-track) and only after the reader asks for it.
 */

/** What a page needs to show one embed. */
export interface Embed {
  /** The address the editor wrote, linked when JavaScript is off. */
  readonly url: string;
  /** The provider, as readers know it ("YouTube"), or the newsroom's own host. */
  readonly provider: string;
  /** The frame's address, loaded on the reader's click. */
  readonly frameSrc: string;
  /** The frame's origin, for the page's `frame-src`. */
  readonly frameOrigin: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** Each known provider: the hosts an editor may write, and its player for an address. */
const PROVIDERS: ReadonlyArray<{ name: string; hosts: readonly string[]; player(url: URL): string | undefined }> = [
  {
    name: "YouTube",
    hosts: ["www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be"],
    player(url) {
      const id = url.hostname === "youtu.be" ? url.pathname.slice(1) : url.pathname === "/watch" ? url.searchParams.get("v") : /^\/(?:embed|shorts)\/([^/]+)$/.exec(url.pathname)?.[1];
      return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : undefined;
    },
  },
  {
    name: "Vimeo",
    hosts: ["vimeo.com", "www.vimeo.com", "player.vimeo.com"],
    player(url) {
      const id = /^\/(?:video\/)?(\d+)$/.exec(url.pathname)?.[1];
      return id ? `https://player.vimeo.com/video/${id}?dnt=1` : undefined;
    },
  },
  {
    name: "Bilibili",
    hosts: ["www.bilibili.com", "bilibili.com", "m.bilibili.com"],
    player(url) {
      const id = /^\/video\/(BV[0-9A-Za-z]{10})\/?$/.exec(url.pathname)?.[1];
      return id ? `https://player.bilibili.com/player.html?bvid=${id}&autoplay=0` : undefined;
    },
  },
];

/** The providers an editor may embed from, for messages. */
export const EMBED_PROVIDERS = PROVIDERS.map((provider) => provider.name);

/**
 * The embed for an address, or why it cannot be one. `ownHosts` are the newsroom's own (its
 * site's host and `_data/site.json` `embedHosts`): their pages (charts, maps) are framed as they are.
 * @example parseEmbed("https://youtu.be/M7lc1UVf-VE", []) // { provider: "YouTube", frameSrc: "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE", … }
 */
export function parseEmbed(address: string, ownHosts: readonly string[]): Embed | { problem: string } {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { problem: `"${address}" is not a web address; give the page's full address (https://…)` };
  }
  if (url.protocol !== "https:") return { problem: `"${address}" is not an https address` };
  const provider = PROVIDERS.find((candidate) => candidate.hosts.includes(url.hostname));
  if (provider) {
    const frameSrc = provider.player(url);
    if (!frameSrc) return { problem: `"${address}" is not a ${provider.name} video's address` };
    return { url: url.href, provider: provider.name, frameSrc, frameOrigin: new URL(frameSrc).origin };
  }
  if (ownHosts.includes(url.hostname)) return { url: url.href, provider: url.hostname, frameSrc: url.href, frameOrigin: url.origin };
  return { problem: `${url.hostname} is not a host embeds may come from (${[...EMBED_PROVIDERS, ...ownHosts].join(", ")}); link to it instead` };
}
