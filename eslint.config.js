import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "artifacts/",
      "cache/",
      "coverage/",
      "packages/*/src/generated/",
      ".test-results/",
      "apps/web/dist/",
      // A Ponder app with its own dependencies and tsconfig, measured by bench/indexer --vs ponder.
      "bench/peers/ponder/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      // `const { left, ...kept } = row` is how a field is left out of an object.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    // The web client shows text others wrote (names, pitches, reasons): React renders it as text,
    // and nothing may hand it to the page as HTML.
    files: ["apps/web/src/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Render text as text: dangerouslySetInnerHTML would run markup that someone else wrote.",
        },
      ],
    },
  },
);
