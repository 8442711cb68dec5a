import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

// The preset registers these plugins for .js/.ts only; reuse the same instances for .tsx.
const presetPlugins = Object.assign({}, ...officeAddins.configs.react.map((c) => c.plugins ?? {}));

const nodeBuiltins = [
  "fs",
  "path",
  "os",
  "child_process",
  "crypto",
  "url",
  "util",
  "stream",
  "zlib",
  "http",
  "https",
  "worker_threads",
];

export default [
  {
    ignores: [
      ".tmp/**",
      "dist/**",
      "out/**",
      "node_modules/**",
      "coverage/**",
      "bench/results.json",
      "docs/**",
      "test/support/file-stub.js",
    ],
  },
  ...officeAddins.configs.react,
  {
    // The Office preset lists only .js/.ts files; the task pane's components are .tsx.
    files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    plugins: { "@typescript-eslint": presetPlugins["@typescript-eslint"], prettier: presetPlugins.prettier },
    settings: { react: { version: "19" } },
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": "error",
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "react/react-in-jsx-scope": "off",
      "no-undef": "off",
      "no-redeclare": "off",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "react/no-danger": "error",
    },
  },
  {
    // The architecture rule: the functional core imports nothing host-, UI- or Node-specific.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...nodeBuiltins,
            ...nodeBuiltins.map((m) => `node:${m}`),
            "react",
            "react-dom",
            "exceljs",
            "docx",
            "mammoth",
            "hyperformula",
          ].map((name) => ({
            name,
            message: "src/core is pure TypeScript: no Node, UI, ExcelJS or docx imports.",
          })),
          patterns: [
            {
              group: ["@microsoft/office-js", "@fluentui/*", "node:*"],
              message: "src/core must not depend on Office.js, Fluent UI or Node.",
            },
            {
              group: [
                "**/excel/**",
                "**/file/**",
                "**/cli/**",
                "**/taskpane/**",
                "**/app/**",
                "**/testing/**",
              ],
              message: "src/core must not import adapters, use-cases or UI.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "src/core must not touch Office.js." },
        { name: "Office", message: "src/core must not touch Office.js." },
        { name: "require", message: "no require in core" },
        { name: "process", message: "no Node globals in core" },
        { name: "Buffer", message: "no Node globals in core" },
      ],
    },
  },
  {
    // The load-before-read rules recognise Office.js proxies by shape; ExcelJS objects (src/file, tests) and the
    // simulated host's own implementation are not proxies and trip them falsely.
    files: [
      "test/**/*.{ts,tsx}",
      "src/file/**/*.ts",
      "src/testing/**/*.ts",
      "bench/**/*.ts",
      "scripts/**/*.ts",
    ],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/excel/**", "**/file/**", "**/cli/**", "**/taskpane/**", "exceljs", "react"],
              message: "use-cases depend on ports, not adapters or UI.",
            },
          ],
        },
      ],
    },
  },
];
