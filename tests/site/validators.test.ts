import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findBrokenLinks } from "../helpers/site.ts";
import { runHtmlValidate, runNuChecker } from "../helpers/validators.ts";

// The checks the site suites rely on must be able to fail: a deliberately broken page proves it.
let output: string;
beforeAll(async () => {
  output = await mkdtemp(path.join(os.tmpdir(), "broadsheet-broken-"));
  await mkdir(path.join(output, "ok"));
  await writeFile(path.join(output, "ok", "index.html"), '<!doctype html><html lang="en"><head><title>ok</title></head><body><p id="here">ok</p></body></html>');
  await writeFile(
    path.join(output, "index.html"),
    '<!doctype html><html><head><title>x</title></head><body><div><p>unclosed<a href="/missing/">m</a> <a href="/ok/">ok</a> <a href="/ok/#nowhere">f</a> <a href="/ok/#here">h</a></body></html>',
  );
});

describe("the site checks", () => {
  it("html-validate reports a page with errors", async () => {
    expect(await runHtmlValidate(output)).toMatch(/element-required-attributes|close-order|no-implicit-close/);
  });

  it("the Nu HTML Checker reports a page with errors", async () => {
    expect((await runNuChecker(output)).join("\n")).toMatch(/index\.html/);
  });

  it("the link check reports a missing page and a missing fragment, and nothing else", async () => {
    expect(await findBrokenLinks(output)).toEqual([
      { page: "index.html", href: "/missing/" },
      { page: "index.html", href: "/ok/#nowhere" },
    ]);
  });
});
