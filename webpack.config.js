/**
 * Builds the task pane (and the ribbon's command page) into dist/web, and the manifest with the
 * add-in's URL injected in one place.
 *
 *   npm run build                                  production, URL from ADDIN_URL (default below)
 *   npm run build -- --env offline                 office.js bundled, for isolated intranets
 *   npm run dev-server                             https://localhost:3000
 *   webpack --env test                             the pane with the test host's fake Office (browser test)
 *   webpack --mode production --env ledgerTest     the browser page alone, into dist/ledger-test (its test)
 *
 * The browser page (src/web, issue 15) is one HTML file with its script inlined: it works opened
 * from the add-in's server and as a local file (file://), and fetches nothing — no chunk, no
 * worker, no font.
 */
const path = require("path");
const webpack = require("webpack");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/** The one place the add-in's address is set for a production build. */
const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
const PRODUCTION_URL = process.env.ADDIN_URL || "https://task-ledger.example.gov.cn/";

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OTHER_HOSTS = [
  "access",
  "onenote",
  "outlook",
  "powerpoint",
  "project",
  "visio",
  "word",
  "mailapp",
  "sharepoint",
];

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch {
    // The CA cannot be installed here (no admin rights): use the generated files directly.
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const crt = path.join(dir, "localhost.crt");
    const key = path.join(dir, "localhost.key");
    if (fs.existsSync(crt) && fs.existsSync(key)) {
      return {
        cert: fs.readFileSync(crt),
        key: fs.readFileSync(key),
        ca: fs.readFileSync(path.join(dir, "ca.crt")),
      };
    }
    console.warn(
      "No localhost certificate: run `npx office-addin-dev-certs install` once (it writes ~/.office-addin-dev-certs).",
    );
    return undefined;
  }
}

/** Puts the page's scripts into its HTML and drops the script files: the page then loads nothing. */
class InlineScriptsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("InlineScripts", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("InlineScripts", (data) => {
        const inline = (tag) => {
          if (tag.tagName !== "script" || !tag.attributes.src) return tag;
          const file = String(tag.attributes.src).replace(/^\.?\//, "");
          const source = compilation.assets[file].source().toString();
          compilation.deleteAsset(file);
          // "</script" inside the code would end the element early.
          const body = source.replace(/<\/script/gi, "<\\/script");
          return { tagName: "script", voidTag: false, attributes: {}, innerHTML: body, meta: tag.meta };
        };
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
    });
  }
}

/** The standalone page: one chunk (dynamic imports folded in), inlined into ledger.html. */
function ledgerConfig(production, outDir) {
  return {
    name: "ledger",
    mode: production ? "production" : "development",
    devtool: false,
    entry: { ledger: "./src/web/index.tsx" },
    output: { path: outDir, filename: "[name].js", clean: false },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // A dynamic import() names its module with .js, as TypeScript's node16 resolution asks.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      fallback: { fs: false, path: false, os: false, util: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({
        filename: "ledger.html",
        template: "./src/web/ledger.html",
        chunks: ["ledger"],
        inject: "body",
        scriptLoading: "blocking",
        minify: false,
      }),
      new InlineScriptsPlugin(),
      new webpack.IgnorePlugin({
        resourceRegExp: /^opencc-js\/t2cn$/,
        contextRegExp: /[\\/]src[\\/]core[\\/]text$/,
      }),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  // Only `webpack serve` (npm run dev-server) needs a certificate: a build never creates, installs
  // or reads one, so it leaves the machine's certificates and the home folder as they were.
  const serving = Boolean(env.WEBPACK_SERVE);
  const test = Boolean(env.test);
  const offline = Boolean(env.offline);
  if (env.ledgerTest) return ledgerConfig(production, path.resolve(__dirname, "dist/ledger-test"));
  const url = production ? env.url || PRODUCTION_URL : DEV_URL;
  const officeJs = test
    ? '<script src="fake-host.js"></script>'
    : offline
      ? '<script src="office-js/office.js"></script>'
      : `<script src="${OFFICE_JS_CDN}"></script>`;
  const outDir = path.resolve(__dirname, test ? "dist/web-test" : "dist/web");

  const copies = [
    { from: "assets/icon-*.png", to: "assets/[name][ext]" },
    { from: "src/taskpane/support.html", to: "support.html" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) =>
        content.toString().split(DEV_URL).join(url).split(DEV_ORIGIN).join(new URL(url).origin),
    },
  ];
  if (offline) {
    copies.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js", ...OTHER_HOSTS.map((h) => `**/${h}*`)] },
      // Microsoft's files are shipped as they are: not minified again.
      info: { minimized: true },
    });
  }

  const pane = {
    name: "pane",
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      ...(test ? { "fake-host": "./test/browser/fake-host.ts" } : {}),
    },
    // The .docx import (mammoth and its zip and XML libraries) and the traditional-character
    // converter (opencc-js) are chunks of their own, fetched from the pane's own folder the first
    // time a step needs them: the first load carries neither.
    output: {
      path: outDir,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // The page (built beside the pane) is not the pane's to remove.
      clean: { keep: /^ledger\.html$/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // A dynamic import() names its module with .js, as TypeScript's node16 resolution asks.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      // mammoth's browser build still names Node modules it never calls there.
      fallback: { fs: false, path: false, os: false, util: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: test ? ["fake-host", "taskpane"] : ["taskpane"],
        chunksSortMode: "manual",
        officeJs: test ? "" : officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJs: test ? "" : officeJs,
      }),
      new CopyWebpackPlugin({ patterns: copies }),
      // The core requires the converter synchronously where Node runs it; in the pane that require
      // is left out (it throws TraditionalConverterMissing) and src/taskpane/converter.ts loads
      // the converter as a chunk and hands it to the core.
      new webpack.IgnorePlugin({
        resourceRegExp: /^opencc-js\/t2cn$/,
        contextRegExp: /[\\/]src[\\/]core[\\/]text$/,
      }),
    ],
    performance: { hints: false },
    ...(serving
      ? {
          devServer: {
            static: { directory: outDir },
            headers: { "Access-Control-Allow-Origin": "*" },
            port: 3000,
            server: { type: "https", options: await httpsOptions() },
          },
        }
      : {}),
  };
  // The test build is the pane's (with the fake host); the dev server serves the pane.
  return test || serving ? pane : [pane, ledgerConfig(production, outDir)];
};
