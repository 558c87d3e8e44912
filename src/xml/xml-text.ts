/**
 * Prepares text for xmlbuilder2, which leaves an `&` that starts something entity-like (`&amp;`,
 * `&lt;`) unescaped. Escaping every `&` first makes it escape each one exactly once, so a body
 * that shows `&lt;script&gt;` as text stays text in a feed reader.
 * @example xmlText("AT&amp;T") // "AT&amp;amp;T", which the builder writes as is: parsed back, "AT&amp;T"
 */
export function xmlText(value: string): string {
  return value.replace(/&/g, "&amp;");
}

/** `xmlText` for every value of an attribute map. */
export function xmlAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, xmlText(value)]));
}
