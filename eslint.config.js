// ESLint (issue 15): typescript-eslint's type-aware recommended rules over the build, its
// tools and its tests; `npm run lint` runs it inside `npm test`.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // The build's output, its staging folder and the site before last (`src/cli/site-swap.ts`).
  { ignores: ["_site/", "_site.building/", "_site.previous/", ".cache/", "node_modules/", "tests/fixtures/", "docs/"] },
  js.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // `const { body: _body, ...record } = entry` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, varsIgnorePattern: "^_", argsIgnorePattern: "^_" }],
      // An async function with no await yet keeps its promise API (a throw stays a rejection); dropping `async` would change what callers get.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["tests/**/*.ts"],
    rules: {
      // Tests read parsed feeds, sitemaps, JSON-LD and search records, typed `any` by their parsers: the assertions are what check their shape.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
    },
  },
  {
    files: ["src/client/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    // The Cloudflare Worker runs with the web platform's globals (Request, Response, Headers, URL).
    files: ["deploy/r2-worker/**/*.js"],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    // A CloudFront Function is a script whose `handler` CloudFront calls; its ES 5.1 core needs
    // a name in every catch, used or not.
    files: ["deploy/cloudfront/**/*.js"],
    languageOptions: { sourceType: "script" },
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    files: ["**/*.mjs", "**/*.cjs", "eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
);
