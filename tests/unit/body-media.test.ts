import { describe, expect, it } from "vitest";
import type { BodyEnv, BodyWords, Picture } from "../../src/markdown/body-env.ts";
import { scanBody } from "../../src/markdown/body-scan.ts";
import { parseEmbed, type Embed } from "../../src/markdown/embeds.ts";
import { appendCredit, createMarkdown } from "../../src/markdown/markdown.ts";

// The story body's additions (README "The story body"), rendered as a page and a feed would
// render them: each plugin's exact HTML, with a fake responsive image and real embeds.

const md = createMarkdown("/");
const prefixed = createMarkdown("/newsroom/");

/** What the image step makes of a 960 × 640 photo (`ResponsiveImage`, structurally). */
const ferry: Picture = {
  sources: [
    { type: "image/webp", srcset: "/img/ferry-480.webp 480w, /img/ferry-960.webp 960w" },
    { type: "image/jpeg", srcset: "/img/ferry-480.jpeg 480w, /img/ferry-960.jpeg 960w" },
  ],
  fallback: { url: "/img/ferry-960.jpeg", width: 960, height: 640, srcset: "/img/ferry-480.jpeg 480w, /img/ferry-960.jpeg 960w" },
  sizes: "(min-width: 50rem) 44rem, 100vw",
};
const pictures = new Map<string, Picture>([
  ["ferry.jpg", ferry],
  ["images/quay.jpg", ferry],
  ["rule.png", ferry],
]);

const COLUMN = "(min-width: 50rem) 44rem, 100vw";
const GALLERY = "(min-width: 36rem) 30rem, 85vw";
/** The `<picture>` the page gets for `ferry`, with the image's class, `sizes`, alt and loading. */
const pictureHtml = ({ classes = "bs-figure__image", sizes = COLUMN, alt = "A ferry at night", loading = ' loading="lazy"', prefix = "/" } = {}) =>
  `<picture>` +
  `<source type="image/webp" srcset="${prefix}img/ferry-480.webp 480w, ${prefix}img/ferry-960.webp 960w" sizes="${sizes}">` +
  `<source type="image/jpeg" srcset="${prefix}img/ferry-480.jpeg 480w, ${prefix}img/ferry-960.jpeg 960w" sizes="${sizes}">` +
  `<img class="${classes}" src="${prefix}img/ferry-960.jpeg" srcset="${prefix}img/ferry-480.jpeg 480w, ${prefix}img/ferry-960.jpeg 960w" sizes="${sizes}" width="960" height="640" alt="${alt}"${loading} decoding="async">` +
  `</picture>`;
const EAGER = ' fetchpriority="high"';

const photo = '![A ferry at night](ferry.jpg "The night ferry leaves Pier 3. | Li Wei/Broadsheet")';
const caption = `<figcaption class="bs-figure__caption">The night ferry leaves Pier 3. <span class="bs-figure__credit">Li Wei/Broadsheet</span></figcaption>`;

const embedOf = (address: string, ownHosts: readonly string[] = []): Embed => {
  const embed = parseEmbed(address, ownHosts);
  if ("problem" in embed) throw new Error(embed.problem);
  return embed;
};
const embedsOf = (...addresses: string[]) => new Map(addresses.map((address) => [address, embedOf(address, ["charts.broadsheet.example"])]));

const chinese: BodyWords = {
  bodyNote: "编者按",
  bodyFactBox: "资料",
  bodyGallery: "图集：{title}",
  bodyTable: "表格",
  embedLoad: "加载：{title}（来自 {provider}）",
  footnoteBack: "返回正文",
};

const render = (markdown: string, env: BodyEnv = {}, renderer = md) => renderer.render(markdown, env);

describe("a photo", () => {
  it("alone in its paragraph is a figure: a responsive picture with caption and credit", () => {
    expect(render(photo, { pictures })).toBe(`<figure class="bs-figure">${pictureHtml()}${caption}</figure>\n`);
  });

  it("takes the path prefix on every URL under PATH_PREFIX", () => {
    expect(render(photo, { pictures }, prefixed)).toBe(`<figure class="bs-figure">${pictureHtml({ prefix: "/newsroom/" })}${caption}</figure>\n`);
  });

  it("keeps a caption without a credit, and a credit without a caption", () => {
    expect(render('![A ferry at night](ferry.jpg "The night ferry.")', { pictures })).toBe(
      `<figure class="bs-figure">${pictureHtml()}<figcaption class="bs-figure__caption">The night ferry.</figcaption></figure>\n`,
    );
    expect(render('![A ferry at night](ferry.jpg " | Li Wei")', { pictures })).toBe(
      `<figure class="bs-figure">${pictureHtml()}<figcaption class="bs-figure__caption"><span class="bs-figure__credit">Li Wei</span></figcaption></figure>\n`,
    );
  });

  it("has no figcaption without a title", () => {
    expect(render("![A ferry at night](ferry.jpg)", { pictures })).toBe(`<figure class="bs-figure">${pictureHtml()}</figure>\n`);
  });

  it("splits the credit at the last ` | `", () => {
    expect(render('![A ferry at night](ferry.jpg "Pier 3 | Pier 4 | Li Wei")', { pictures })).toContain(
      `<figcaption class="bs-figure__caption">Pier 3 | Pier 4 <span class="bs-figure__credit">Li Wei</span></figcaption>`,
    );
  });

  it("inside a sentence is the picture alone, with the inline class", () => {
    expect(render("Before ![A ferry at night](ferry.jpg \"Ignored here\") after.", { pictures })).toBe(
      `<p>Before ${pictureHtml({ classes: "bs-body-image bs-body-image--inline" })} after.</p>\n`,
    );
  });

  it("written `![-](…)` is an ornament, with an empty alt", () => {
    expect(render("![-](rule.png)", { pictures })).toBe(`<figure class="bs-figure">${pictureHtml({ alt: "" })}</figure>\n`);
    expect(render("![-](rule.png)")).toBe(`<figure class="bs-figure"><img class="bs-figure__image" src="rule.png" alt=""></figure>\n`);
  });

  it("loads at once only when it is the first photo of a story without a lead photo", () => {
    const two = `${photo}\n\nText.\n\n${photo}`;
    const figure = (loading: string) => `<figure class="bs-figure">${pictureHtml({ loading })}${caption}</figure>\n`;
    expect(render(two, { pictures, firstPhotoEager: true })).toBe(`${figure(EAGER)}<p>Text.</p>\n${figure(' loading="lazy"')}`);
    expect(render(two, { pictures, firstPhotoEager: false })).toBe(`${figure(' loading="lazy"')}<p>Text.</p>\n${figure(' loading="lazy"')}`);
    expect(render(two, { pictures })).not.toContain("fetchpriority");
  });

  it("counts the first photo anew for each body the renderer renders", () => {
    const env = { pictures, firstPhotoEager: true };
    expect(render(photo, env)).toContain(EAGER);
    expect(render(photo, env)).toContain(EAGER);
  });

  it("in a feed is one plain image, the fallback, with its size", () => {
    expect(render(photo, { pictures, forFeed: true })).toBe(
      `<figure class="bs-figure"><img src="/img/ferry-960.jpeg" width="960" height="640" alt="A ferry at night">${caption}</figure>\n`,
    );
    expect(render(photo, { pictures, forFeed: true }, prefixed)).toContain(`<img src="/newsroom/img/ferry-960.jpeg" width="960" height="640"`);
  });

  it("is a plain img of its path when the body is rendered without the image step", () => {
    expect(render(photo)).toBe(`<figure class="bs-figure"><img class="bs-figure__image" src="ferry.jpg" alt="A ferry at night">${caption}</figure>\n`);
    expect(render("See ![the quay](images/quay.jpg).")).toBe(`<p>See <img class="bs-body-image bs-body-image--inline" src="images/quay.jpg" alt="the quay">.</p>\n`);
  });

  it("keeps the space of an alt text written over two lines", () => {
    expect(render("![A ferry\nat night](ferry.jpg)", { pictures })).toBe(`<figure class="bs-figure">${pictureHtml()}</figure>\n`);
  });

  it("escapes raw HTML in its alt, caption and credit", () => {
    const html = render('![a "quoted" <b>alt</b>](ferry.jpg "\\"><script>alert(1)</script> | <b>Li</b> & Co")', { pictures });
    expect(html).toContain(`alt="a &quot;quoted&quot; &lt;b&gt;alt&lt;/b&gt;"`);
    expect(html).toContain(
      `<figcaption class="bs-figure__caption">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; <span class="bs-figure__credit">&lt;b&gt;Li&lt;/b&gt; &amp; Co</span></figcaption>`,
    );
    expect(html).not.toMatch(/<script|<b>/);
  });
});

describe("a gallery", () => {
  const item = (alt: string) => `<li class="bs-gallery__item"><figure class="bs-figure">${pictureHtml({ sizes: GALLERY, alt })}</figure></li>\n`;
  const gallery = (label: string, items: string) =>
    `<section class="bs-gallery" aria-label="${label}" tabindex="0">\n<ol class="bs-gallery__list bs-bare-list">\n${items}</ol>\n</section>\n`;

  it("makes each photo an item, on consecutive lines or parted by blank lines, at the gallery's sizes", () => {
    const expected = gallery("Gallery: The quay at dawn", item("Cranes") + item("Gulls") + item("Ropes"));
    expect(render("::: gallery The quay at dawn\n![Cranes](ferry.jpg)\n![Gulls](ferry.jpg)\n![Ropes](ferry.jpg)\n:::", { pictures })).toBe(expected);
    expect(render("::: gallery The quay at dawn\n![Cranes](ferry.jpg)\n\n![Gulls](ferry.jpg)\n\n![Ropes](ferry.jpg)\n:::", { pictures })).toBe(expected);
    expect(render("::: gallery The quay at dawn\n![Cranes](ferry.jpg)\n![Gulls](ferry.jpg)\n\n![Ropes](ferry.jpg)\n:::", { pictures })).toBe(expected);
  });

  it("keeps each photo's caption in its figure", () => {
    expect(render(`::: gallery Night\n${photo}\n${photo}\n:::`, { pictures })).toBe(
      gallery("Gallery: Night", `<li class="bs-gallery__item"><figure class="bs-figure">${pictureHtml({ sizes: GALLERY })}${caption}</figure></li>\n`.repeat(2)),
    );
  });

  it("is named in the edition's words, and by the word alone without a title", () => {
    expect(render("::: gallery 码头的清晨\n![吊车](ferry.jpg)\n:::", { pictures, words: chinese })).toBe(gallery("图集：码头的清晨", item("吊车")));
    expect(render("::: gallery\n![Cranes](ferry.jpg)\n:::", { pictures })).toBe(gallery("Gallery", item("Cranes")));
    expect(render("::: gallery\n![吊车](ferry.jpg)\n:::", { pictures, words: chinese })).toBe(gallery("图集", item("吊车")));
  });

  it("escapes raw HTML in its title", () => {
    expect(render('::: gallery "><script>alert(1)</script>\n![Cranes](ferry.jpg)\n:::', { pictures })).toBe(
      gallery("Gallery: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", item("Cranes")),
    );
  });

  it("in a feed holds plain images", () => {
    expect(render("::: gallery G\n![Cranes](ferry.jpg)\n:::", { pictures, forFeed: true })).toBe(
      gallery("Gallery: G", `<li class="bs-gallery__item"><figure class="bs-figure"><img src="/img/ferry-960.jpeg" width="960" height="640" alt="Cranes"></figure></li>\n`),
    );
  });

  it("does not make figures of photos outside it", () => {
    expect(render("![Cranes](ferry.jpg)\n![Gulls](ferry.jpg)")).toBe(
      `<p><img class="bs-body-image bs-body-image--inline" src="ferry.jpg" alt="Cranes">\n<img class="bs-body-image bs-body-image--inline" src="ferry.jpg" alt="Gulls"></p>\n`,
    );
  });
});

describe("an embed", () => {
  const facade = (address: string, frameSrc: string, provider: string, title = "The night ferry") =>
    `<figure class="bs-embed" data-module="embed" data-embed-src="${frameSrc}" data-embed-title="${title}" data-embed-label="Load ${title} (from ${provider})">\n` +
    `<div class="bs-embed__placeholder"><p class="bs-embed__notice"><a class="bs-embed__link" href="${address}" rel="external">${title}</a> <span class="bs-embed__provider">(${provider})</span></p></div>\n</figure>\n`;
  const embedBody = (address: string, title = "The night ferry") => `::: embed ${address}\n${title}\n:::`;

  it.each([
    ["https://www.youtube.com/watch?v=M7lc1UVf-VE", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE", "YouTube"],
    ["https://youtube.com/watch?v=M7lc1UVf-VE&t=30s", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE", "YouTube"],
    ["https://youtu.be/M7lc1UVf-VE", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE", "YouTube"],
    ["https://www.youtube.com/embed/M7lc1UVf-VE", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE", "YouTube"],
    ["https://m.youtube.com/shorts/M7lc1UVf-VE", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE", "YouTube"],
    ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1", "Vimeo"],
    ["https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1", "Vimeo"],
    ["https://www.bilibili.com/video/BV1GJ411x7h7/", "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&amp;autoplay=0", "Bilibili"],
    ["https://charts.broadsheet.example/fares/", "https://charts.broadsheet.example/fares/", "charts.broadsheet.example"],
  ])("from %s is a facade that loads %s on a click", (address, frameSrc, provider) => {
    expect(render(embedBody(address), { embeds: embedsOf(address) })).toBe(facade(address.replace(/&/g, "&amp;"), frameSrc, provider));
  });

  it("plays each provider from its privacy-minded player, and names the frame's origin", () => {
    expect(embedOf("https://youtu.be/M7lc1UVf-VE")).toEqual({
      url: "https://youtu.be/M7lc1UVf-VE",
      provider: "YouTube",
      frameSrc: "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE",
      frameOrigin: "https://www.youtube-nocookie.com",
    });
    expect(embedOf("https://vimeo.com/76979871").frameOrigin).toBe("https://player.vimeo.com");
    expect(embedOf("https://www.bilibili.com/video/BV1GJ411x7h7").frameSrc).toBe("https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0");
  });

  it("says the button's words in the edition's language", () => {
    const address = "https://youtu.be/M7lc1UVf-VE";
    expect(render(embedBody(address, "夜班渡轮"), { embeds: embedsOf(address), words: chinese })).toContain(`data-embed-label="加载：夜班渡轮（来自 YouTube）"`);
  });

  it("in a feed, or without its player, is a plain link to the original page", () => {
    const address = "https://www.youtube.com/watch?v=M7lc1UVf-VE";
    const link = `<p class="bs-embed bs-embed--link"><a class="bs-embed__link" href="${address}" rel="external">The night ferry</a></p>\n`;
    expect(render(embedBody(address), { embeds: embedsOf(address), forFeed: true })).toBe(link);
    expect(render(embedBody(address))).toBe(link);
  });

  it("takes its title from its content, not printed as a paragraph", () => {
    const address = "https://youtu.be/M7lc1UVf-VE";
    expect(render(`Before.\n\n::: embed ${address}\nThe night ferry\n:::\n\nAfter.`, { forFeed: true })).toBe(
      `<p>Before.</p>\n<p class="bs-embed bs-embed--link"><a class="bs-embed__link" href="${address}" rel="external">The night ferry</a></p>\n<p>After.</p>\n`,
    );
  });

  it("escapes raw HTML in its title and address", () => {
    const address = "https://youtu.be/M7lc1UVf-VE";
    const escaped = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    expect(render(embedBody(address, '"><script>alert(1)</script>'), { embeds: embedsOf(address) })).toBe(facade(address, "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE", "YouTube", escaped));
    expect(render('::: embed https://example.org/"><script>\nT\n:::')).toBe(
      `<p class="bs-embed bs-embed--link"><a class="bs-embed__link" href="https://example.org/&quot;&gt;&lt;script&gt;" rel="external">T</a></p>\n`,
    );
  });

  it.each([
    ["http://www.youtube.com/watch?v=M7lc1UVf-VE", `"http://www.youtube.com/watch?v=M7lc1UVf-VE" is not an https address`],
    ["https://videos.example.net/v/1", "videos.example.net is not a host embeds may come from (YouTube, Vimeo, Bilibili, charts.broadsheet.example); link to it instead"],
    ["https://www.youtube.com/watch?v=short", `"https://www.youtube.com/watch?v=short" is not a YouTube video's address`],
    ["https://www.youtube.com/@harbour", `"https://www.youtube.com/@harbour" is not a YouTube video's address`],
    ["https://youtu.be/M7lc1UVf-VE/extra", `"https://youtu.be/M7lc1UVf-VE/extra" is not a YouTube video's address`],
    ["https://vimeo.com/channels/staffpicks", `"https://vimeo.com/channels/staffpicks" is not a Vimeo video's address`],
    ["https://www.bilibili.com/video/av170001", `"https://www.bilibili.com/video/av170001" is not a Bilibili video's address`],
    ["www.youtube.com/watch?v=M7lc1UVf-VE", `"www.youtube.com/watch?v=M7lc1UVf-VE" is not a web address; give the page's full address (https://…)`],
    ["javascript:alert(1)", `"javascript:alert(1)" is not an https address`],
  ])("refuses %s", (address, problem) => {
    expect(parseEmbed(address, ["charts.broadsheet.example"])).toEqual({ problem });
  });
});

describe("a table", () => {
  const markdown = "| Route | Fare | Change |\n| :--- | ---: | :---: |\n| Pier 3 | 4.50 | +0.50 |";
  const table = (label: string, captionHtml = "") =>
    `<section class="bs-table" aria-label="${label}" tabindex="0">\n<table>\n${captionHtml}` +
    `<thead>\n<tr>\n<th scope="col" class="bs-align-left">Route</th>\n<th scope="col" class="bs-align-right">Fare</th>\n<th scope="col" class="bs-align-center">Change</th>\n</tr>\n</thead>\n` +
    `<tbody>\n<tr>\n<td class="bs-align-left">Pier 3</td>\n<td class="bs-align-right">4.50</td>\n<td class="bs-align-center">+0.50</td>\n</tr>\n</tbody>\n</table>\n</section>\n`;

  it("is a region named by its caption, the `Table: ` paragraph consumed", () => {
    expect(render(`Table: Ferry fares, 2025\n\n${markdown}`)).toBe(table("Ferry fares, 2025", "<caption>Ferry fares, 2025</caption>\n"));
  });

  it("takes the caption from a `Table: ` line just above it too", () => {
    expect(render(`Table: Ferry fares, 2025\n${markdown}`)).toBe(table("Ferry fares, 2025", "<caption>Ferry fares, 2025</caption>\n"));
  });

  it("without a caption is named by the edition's word for a table", () => {
    expect(render(markdown)).toBe(table("Table"));
    expect(render(markdown, { words: chinese })).toBe(table("表格"));
  });

  it("keeps a paragraph that only mentions tables", () => {
    expect(render(`Tables: see below.\n\n${markdown}`)).toBe(`<p>Tables: see below.</p>\n${table("Table")}`);
  });

  it("carries no style attribute anywhere (the page's CSP allows none)", () => {
    expect(render(`Table: Fares\n\n${markdown}\n\n::: factbox Fares\n${markdown}\n:::`)).not.toContain("style=");
    expect(render("| a | b |\n| - | - |\n| 1 | 2 |")).toBe(
      `<section class="bs-table" aria-label="Table" tabindex="0">\n<table>\n<thead>\n<tr>\n<th scope="col">a</th>\n<th scope="col">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</section>\n`,
    );
  });

  it("escapes raw HTML in its caption", () => {
    const html = render(`Table: "><script>alert(1)</script>\n\n${markdown}`);
    expect(html).toContain(`aria-label="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`);
    expect(html).toContain(`<caption>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</caption>`);
    expect(html).not.toContain("<script");
  });

  it("inside a fact box keeps its caption and region", () => {
    expect(render(`::: factbox Fares\nTable: Ferry fares, 2025\n\n${markdown}\n:::`)).toBe(
      `<aside class="bs-box bs-box--factbox" aria-labelledby="bs-factbox-1">\n<h2 class="bs-box__heading" id="bs-factbox-1">Fares</h2>\n` +
        `${table("Ferry fares, 2025", "<caption>Ferry fares, 2025</caption>\n")}</aside>\n`,
    );
  });
});

describe("footnotes", () => {
  const body = "The fare rose[^1].\n\n[^1]: Harbour Authority notice, May 2025.";
  const notes = (back: string) =>
    `<hr class="bs-footnotes__rule">\n<section class="bs-footnotes">\n<ol class="bs-footnotes__list">\n` +
    `<li id="fn1" class="bs-footnotes__item"><p>Harbour Authority notice, May 2025. <a href="#fnref1" class="bs-footnotes__back" aria-label="${back}">↩︎</a></p>\n</li>\n</ol>\n</section>\n`;

  it("take the theme's class names, the back link named in the edition's words", () => {
    const ref = `<p>The fare rose<sup class="bs-footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>.</p>\n`;
    expect(render(body)).toBe(ref + notes("Back to the text"));
    expect(render(body, { words: chinese })).toBe(ref + notes("返回正文"));
  });

  it("escape the back link's words", () => {
    expect(render(body, { words: { ...chinese, footnoteBack: `"><script>` } })).toContain(`aria-label="&quot;&gt;&lt;script&gt;"`);
  });

  it("follow the credit, which closes the story's text", () => {
    expect(appendCredit(render(body), "New Society")).toBe(
      `<p>The fare rose<sup class="bs-footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>. <span class="bs-article__credit">(New Society)</span></p>\n` + notes("Back to the text"),
    );
  });
});

describe("boxes", () => {
  it("an editor's note is a note labelled in the edition's words", () => {
    const note = (label: string) => `<div class="bs-box bs-box--note" role="note">\n<p class="bs-box__label bs-kicker bs-kicker--plain">${label}</p>\n<p>This story was corrected.</p>\n</div>\n`;
    expect(render("::: note\nThis story was corrected.\n:::")).toBe(note("Editor’s note"));
    expect(render("::: note\nThis story was corrected.\n:::", { words: chinese })).toBe(note("编者按"));
  });

  it("a fact box is an aside named by its heading, each with its own id", () => {
    expect(render("::: factbox The harbour ferries\n- 12 routes\n- 40,000 riders a day\n:::\n\nText.\n\n::: factbox\nSecond.\n:::")).toBe(
      `<aside class="bs-box bs-box--factbox" aria-labelledby="bs-factbox-1">\n<h2 class="bs-box__heading" id="bs-factbox-1">The harbour ferries</h2>\n` +
        `<ul>\n<li>12 routes</li>\n<li>40,000 riders a day</li>\n</ul>\n</aside>\n<p>Text.</p>\n` +
        `<aside class="bs-box bs-box--factbox" aria-labelledby="bs-factbox-2">\n<h2 class="bs-box__heading" id="bs-factbox-2">Fact box</h2>\n<p>Second.</p>\n</aside>\n`,
    );
    expect(render("::: factbox\nX\n:::", { words: chinese })).toContain(`id="bs-factbox-1">资料</h2>`);
  });

  it("a fact box's ids start again in each body", () => {
    expect(render("::: factbox A\nX\n:::")).toContain(`id="bs-factbox-1"`);
    expect(render("::: factbox B\nX\n:::")).toContain(`id="bs-factbox-1"`);
  });

  it("a fact box's title is escaped", () => {
    expect(render('::: factbox "><script>alert(1)</script>\nX\n:::')).toBe(
      `<aside class="bs-box bs-box--factbox" aria-labelledby="bs-factbox-1">\n<h2 class="bs-box__heading" id="bs-factbox-1">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h2>\n<p>X</p>\n</aside>\n`,
    );
  });

  it("a pull quote gives its source, when there is one, escaped", () => {
    expect(render("::: pullquote Wang Fang, a commuter\nThe ferry is my office.\n:::")).toBe(
      `<figure class="bs-pullquote">\n<blockquote class="bs-pullquote__quote">\n<p>The ferry is my office.</p>\n</blockquote>\n<figcaption class="bs-pullquote__source">Wang Fang, a commuter</figcaption>\n</figure>\n`,
    );
    expect(render("::: pullquote\nThe ferry is my office.\n:::")).toBe(
      `<figure class="bs-pullquote">\n<blockquote class="bs-pullquote__quote">\n<p>The ferry is my office.</p>\n</blockquote>\n</figure>\n`,
    );
    expect(render("::: pullquote <b>Wang</b>\nQ\n:::")).toContain(`<figcaption class="bs-pullquote__source">&lt;b&gt;Wang&lt;/b&gt;</figcaption>`);
  });

  it("a box left open ends with the body, closed", () => {
    expect(render("::: note\nCorrected.")).toBe(`<div class="bs-box bs-box--note" role="note">\n<p class="bs-box__label bs-kicker bs-kicker--plain">Editor’s note</p>\n<p>Corrected.</p>\n</div>\n`);
  });
});

describe("raw HTML", () => {
  it("is text everywhere in the body", () => {
    expect(render('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">')).toBe(
      `<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=“alert(1)”&gt;</p>\n`,
    );
  });
});

describe("scanBody", () => {
  it("finds each photo and embed with its line, counted from the body's first line", () => {
    const body = [
      "Intro text", // 1
      "![The quay](images/quay.jpg)", // 2: the second line of a paragraph
      "",
      photo, // 4
      "",
      "::: embed https://youtu.be/M7lc1UVf-VE", // 6
      "The night ferry",
      ":::",
      "",
      "![-](rule.png)", // 10
    ].join("\n");
    const expected = (first: number) => ({
      photos: [
        { src: "images/quay.jpg", alt: "The quay", decorative: false, line: first + 1 },
        { src: "ferry.jpg", alt: "A ferry at night", decorative: false, caption: "The night ferry leaves Pier 3.", credit: "Li Wei/Broadsheet", line: first + 3 },
        { src: "rule.png", alt: "-", decorative: true, line: first + 9 },
      ],
      embeds: [{ address: "https://youtu.be/M7lc1UVf-VE", title: "The night ferry", line: first + 5 }],
      problems: [],
    });
    expect(scanBody(md, body)).toEqual(expected(1));
    expect(scanBody(md, body, 7)).toEqual(expected(7));
  });

  it("counts the lines of a paragraph's hard breaks", () => {
    expect(scanBody(md, "One  \ntwo\\\n![x](ferry.jpg)").photos.map((found) => found.line)).toEqual([3]);
  });

  it("finds a photo in a table by its row's line", () => {
    expect(scanBody(md, "Text.\n\n| Pier | Photo |\n| - | - |\n| 3 | text |\n| 4 | ![The pier](ferry.jpg) |", 10).photos.map((found) => found.line)).toEqual([15]);
  });

  it("counts the lines of an alt text written over two lines", () => {
    expect(scanBody(md, "![The night\nferry](ferry.jpg)\n![Gulls](gulls.jpg)").photos.map((found) => [found.alt, found.line])).toEqual([
      ["The night ferry", 1],
      ["Gulls", 3],
    ]);
  });

  it("finds no photo in a fenced or an indented code block", () => {
    expect(scanBody(md, "```\n![a](a.jpg)\n```\n\n    ![b](b.jpg)\n\n~~~md\n![c](c.jpg)\n~~~\n\nText `![d](d.jpg)`.").photos).toEqual([]);
  });

  it("finds the photos of a gallery on consecutive lines, each on its own line", () => {
    expect(scanBody(md, "::: gallery G\n![a](a.jpg)\n![b](b.jpg)\n![c](c.jpg)\n:::", 5).photos.map((found) => [found.src, found.line])).toEqual([
      ["a.jpg", 6],
      ["b.jpg", 7],
      ["c.jpg", 8],
    ]);
  });

  it("finds the photos of a gallery parted by blank lines", () => {
    expect(scanBody(md, "::: gallery G\n![a](a.jpg)\n\n![b](b.jpg)\n:::", 5).photos.map((found) => [found.src, found.line])).toEqual([
      ["a.jpg", 6],
      ["b.jpg", 8],
    ]);
  });

  it("names a gallery holding text, by the text's line", () => {
    expect(scanBody(md, "::: gallery The quay\n![a](a.jpg)\n\nSome words.\n:::", 8).problems).toEqual([
      { line: 11, reason: "a gallery (line 8) holds photos only, one a line; end it with `:::` before other text" },
    ]);
    expect(scanBody(md, "::: gallery The quay\n![a](a.jpg) and words\n:::").problems).toEqual([
      { line: 2, reason: "a gallery (line 1) holds photos only, one a line; end it with `:::` before other text" },
    ]);
  });

  it("names an embed or a gallery inside a gallery, by its line", () => {
    const holds = (line: number) => ({ line, reason: "a gallery (line 1) holds photos only, one a line; end it with `:::` before other text" });
    expect(scanBody(md, ":::: gallery G\n![a](a.jpg)\n\n::: embed https://youtu.be/M7lc1UVf-VE\nT\n:::\n::::").problems).toEqual([holds(4)]);
    expect(scanBody(md, ":::: gallery G\n![a](a.jpg)\n::: gallery H\n![b](b.jpg)\n:::\n::::").problems).toEqual([holds(3)]);
  });

  it("names an empty gallery", () => {
    expect(scanBody(md, "Text.\n\n::: gallery The quay\n:::\n\nMore.").problems).toEqual([
      { line: 3, reason: "a gallery holds no photos: write one photo a line between `::: gallery …` and `:::`" },
    ]);
  });

  it("names an embed left open, which would take the rest of the story for its title", () => {
    expect(scanBody(md, "::: embed https://youtu.be/M7lc1UVf-VE\nThe night ferry\n\nThe rest of the story.", 6).problems).toEqual([
      { line: 6, reason: "`::: embed` is never closed: end it with a line `:::`" },
    ]);
  });

  it("names an embed holding more than its title", () => {
    expect(scanBody(md, "::: embed https://youtu.be/M7lc1UVf-VE\nThe night ferry\n\nA second paragraph.\n:::").problems).toEqual([
      { line: 1, reason: "an embed holds its title only, in one paragraph: write what it shows on the line after `::: embed …`, then `:::`" },
    ]);
    expect(scanBody(md, "::: embed https://youtu.be/M7lc1UVf-VE\n- The night ferry\n:::").problems).toEqual([
      { line: 1, reason: "an embed holds its title only, in one paragraph: write what it shows on the line after `::: embed …`, then `:::`" },
    ]);
  });

  it("names a box left open, and a box inside another written with as many colons", () => {
    const open = (kind: string, line: number) => ({ line, reason: `\`::: ${kind}\` is never closed: end it with a line \`:::\`` });
    const inner = (kind: string, line: number) => ({
      line,
      reason: `\`::: ${kind}\` is never closed: a box inside another ends the outer one at its \`:::\`, so write the outer one with more colons (\`::::\` … \`::::\`)`,
    });
    expect(scanBody(md, "Text.\n\n::: note\nCorrected.\n\nThe rest of the story.").problems).toEqual([open("note", 3)]);
    expect(scanBody(md, "- a list\n- ::: factbox F\n  Facts.\n- more").problems).toEqual([open("factbox", 2)]);
    expect(scanBody(md, "::: factbox Outer\n::: note\ninner\n:::\n:::").problems).toEqual([inner("note", 2)]);
    expect(scanBody(md, "::: gallery G\n![a](a.jpg)").problems).toEqual([open("gallery", 1)]);
  });

  it("takes a box closed by a longer fence, and boxes nested with more colons outside", () => {
    expect(scanBody(md, "::: note\nCorrected.\n::::").problems).toEqual([]);
    expect(scanBody(md, ":::: factbox Outer\n::: pullquote Wang Fang\nQuote.\n:::\n::::").problems).toEqual([]);
    expect(scanBody(md, "> ::: note\n> Quoted.\n> :::").problems).toEqual([]);
    expect(scanBody(md, "::: note\r\nCorrected.\r\n:::\r\n").problems).toEqual([]);
  });

  it("names an embed without a title or an address", () => {
    expect(scanBody(md, "Text.\n\n::: embed https://youtu.be/M7lc1UVf-VE\n:::").problems).toEqual([
      { line: 3, reason: "an embed has no title: write what it shows on the line after `::: embed …`, for the link and the frame's title" },
    ]);
    expect(scanBody(md, "::: embed\nThe night ferry\n:::", 4)).toEqual({
      photos: [],
      embeds: [],
      problems: [{ line: 4, reason: "an embed gives no address: write `::: embed https://…` and its title on the next line" }],
    });
  });
});

describe("the first photo of a story with no lead photo", () => {
  it("is the first photo that is not an ornament: an ornament before it stays lazy", () => {
    const md = createMarkdown("/");
    const picture = { sources: [], fallback: { url: "/img/x-960.jpeg", width: 960, height: 640, srcset: "/img/x-960.jpeg 960w" }, sizes: "100vw" };
    const html = md.render("Text ![-](rule.png) more.\n\n![A quay at dawn](quay.jpg)\n", { pictures: new Map([["rule.png", picture], ["quay.jpg", picture]]), firstPhotoEager: true });
    const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
    expect(images).toHaveLength(2);
    expect(images[0]).toContain('loading="lazy"');
    expect(images[1]).toContain('fetchpriority="high"');
  });
});
