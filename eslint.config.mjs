// Lint: typescript-eslint's recommended rules (syntax only, not type-aware: a type-aware pass costs
// a full type check per run, and `tsc` already runs in CI), the Office add-in rules, React hooks,
// the layers' purity; Prettier owns format.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

/** Modules the pure layers may not import (Node's, the zip and workbook libraries, the UI). */
const PLATFORM_MODULES = [
  "fs",
  "fs/promises",
  "path",
  "os",
  "child_process",
  "worker_threads",
  "zlib",
  "crypto",
  "http",
  "https",
  "stream",
  "util",
  "buffer",
  "perf_hooks",
  "process",
  "exceljs",
  "jszip",
  "fflate",
  "docx",
  "react",
  "react-dom",
  "@fluentui/react-components",
  "commander",
];
const OUTER_LAYERS = ["**/app/**", "**/workbook/**", "**/taskpane/**", "**/cli/**", "**/i18n/**"];
const PLATFORM_GLOBALS = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "process",
  "performance",
  "Buffer",
  "require",
  "__dirname",
  "setTimeout",
  "setInterval",
  "fetch",
  "Office",
  "Excel",
  "OfficeExtension",
];
const NO_CLOCK = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "No clock here: pass the date in.",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "No clock here: pass the date in.",
  },
];
const NO_HOST_TYPES = [
  {
    selector: "TSQualifiedName[left.name=/^(Excel|Office|OfficeExtension)$/]",
    message: "No Office types here: the host's types stay in its adapter.",
  },
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "out/", "artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat["recommended-latest"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
    },
  },
  {
    // The Excel API's discipline where the Excel API is used (not ExcelJS, whose names look alike).
    files: ["src/workbook/excel-api/**/*.ts", "src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      // The core is pure: no Office, no files, no zip, no DOM, no process, no clock.
      "no-restricted-imports": ["error", { paths: PLATFORM_MODULES, patterns: ["node:*", ...OUTER_LAYERS] }],
      "no-restricted-globals": ["error", ...PLATFORM_GLOBALS],
      "no-restricted-syntax": ["error", ...NO_CLOCK, ...NO_HOST_TYPES],
    },
  },
  {
    // The application layer runs in the pane, in Node and in a browser page alike: no platform,
    // no adapter (it is given a port), no shell.
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: PLATFORM_MODULES, patterns: ["node:*", "**/workbook/**", "**/taskpane/**", "**/cli/**"] },
      ],
      "no-restricted-globals": ["error", ...PLATFORM_GLOBALS],
      "no-restricted-syntax": ["error", ...NO_CLOCK, ...NO_HOST_TYPES],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { globals: globals.node, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
