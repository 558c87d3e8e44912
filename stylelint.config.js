// Stylelint (issue 15): stylelint-config-standard over src/assets/css/, relaxed only where the
// stylesheet's own conventions differ; `npm run lint` runs it inside `npm test`.
const kebab = "[a-z0-9]+(?:-[a-z0-9]+)*";

/** @type {import('stylelint').Config} */
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // One prefix plus BEM, searchable as written: bs-block__element--modifier.
    "selector-class-pattern": [`^bs-${kebab}(?:__${kebab})?(?:--${kebab})?$`, { message: (name) => `Expected class "${name}" to be bs- plus BEM (bs-block__element--modifier)` }],
    // Type-scale steps below 0 are negative numbers, as the fluid type scale names them (--bs-step--1).
    "custom-property-pattern": [`^${kebab}(?:--[0-9]+)?$`, { message: (name) => `Expected custom property "${name}" to be kebab-case` }],
    // Font families in the font tokens keep their capitals (Georgia), as in a font-family declaration.
    "value-keyword-case": ["lower", { ignoreProperties: ["/^--bs-font-/"] }],
    // min-width/max-width as written: range syntax would change the built stylesheet, which must stay as it is.
    "media-feature-range-notation": "prefix",
    // Short rules stay on one line, as the whole stylesheet writes them, so a block reads as a table of its parts.
    "declaration-block-single-line-max-declarations": null,
    // BEM blocks never style the same element, so `.bs-lead__headline a:hover` before `.bs-teaser__headline a` is no specificity contest.
    "no-descending-specificity": null,
  },
};
