/**
 * Webpack for the task pane, in the style of Microsoft's Office add-in React template.
 *
 *   npm run build                          production bundle in dist/ (manifest URLs rewritten when ADDIN_URL is set)
 *   npm run build:dev / dev-server         development bundle; dev server on https://localhost:3000 with the
 *                                          Office dev certificate (~/.office-addin-dev-certs), else http
 *   npm run playground (--env playground)  adds the playground page: the pane beside a simulated Excel host,
 *                                          with office.js served locally from @microsoft/office-js
 */
const path = require("path");
const fs = require("fs");
const os = require("os");
const crypto = require("crypto");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { playgroundRootRedirect } = require("./scripts/playground-root-redirect");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * The ES5 start check (src/taskpane/start-check.js): copied as it is (never minified: the minimizer targets
 * ES2020) under a content-hashed name, loaded by every page before, and instead of, the bundle.
 */
const START_CHECK_SOURCE = "src/taskpane/start-check.js";
function startCheckFile() {
  const hash = crypto.createHash("md5").update(fs.readFileSync(START_CHECK_SOURCE)).digest("hex").slice(0, 8);
  return `start-check.${hash}.js`;
}
/** The task pane says it could not start when Office.onReady has not come after this long. */
const START_TIMEOUT_MS = 10_000;

/**
 * Content-Security-Policy of every page: scripts only from us and Microsoft's Office CDN; no eval. office.js
 * frames a page of its own origin (its trust check on Office web hosts it does not list, AgaveErrorUX): allowed.
 */
function csp({ devServer }) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    `frame-src 'self' ${OFFICE_JS_ORIGIN}`,
    // Fluent UI (Griffel) inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    devServer ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    // pdf.js reads a PDF plan in a worker: the file pdf.worker.min.mjs beside the pane.
    "worker-src 'self'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * The production minimizer. Terser with webpack's default two compress passes takes over a minute here
 * (docx, mammoth and Fluent UI are large); esbuild's minifier (esbuild comes with tsx) does the same job in
 * seconds through webpack's own minimizer plugin. Falls back to one-pass Terser when either is missing.
 */
function productionMinimizer() {
  try {
    const MinimizerPlugin = require("minimizer-webpack-plugin");
    require.resolve("esbuild");
    return {
      minimizer: [
        new MinimizerPlugin({
          test: /\.[cm]?js(\?.*)?$/i,
          minify: MinimizerPlugin.esbuildMinify,
          minimizerOptions: { target: "es2020", legalComments: "none" },
        }),
      ],
    };
  } catch {
    return { minimizeOptions: { javascript: { compress: { passes: 1 } } } };
  }
}

function devCertificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { type: "https", options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
  }
  return { type: "http" };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const playground = Boolean(env.playground);
  const addinUrl = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, "/") : null;
  const devServing = Boolean(process.env.WEBPACK_SERVE);

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
  };
  if (playground) entry.playground = "./src/playground/index.tsx";

  const startCheck = startCheckFile();
  // The page template writes the script tags itself: the start check, which loads the bundle (inject: false).
  const page = (name, title, officeJs, chunks, startTimeoutMs = 0) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: "./src/taskpane/page.html",
      chunks,
      templateParameters: {
        title,
        officeJs,
        csp: csp({ devServer: devServing }),
        startCheck,
        startTimeoutMs,
      },
      inject: false,
    });

  const copies = [
    { from: START_CHECK_SOURCE, to: startCheck, info: { minimized: true } },
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "src/taskpane/help.html", to: "help.html" },
    // pdf.js's worker, loaded only when a PDF plan is opened; already minified.
    {
      from: "node_modules/pdfjs-dist/build/pdf.worker.min.mjs",
      to: "pdf.worker.min.mjs",
      info: { minimized: true },
    },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform(content) {
        const xml = content.toString();
        return !dev && addinUrl ? xml.split(DEV_URL).join(addinUrl) : xml;
      },
    },
  ];
  if (playground) {
    // office.js served locally for the offline playground and the browser tests. Marked minimized so Terser
    // never touches it (minifying office.js takes minutes).
    for (const file of ["office.js", "o15apptofilemappingtable.js"]) {
      copies.push({
        from: `node_modules/@microsoft/office-js/dist/${file}`,
        to: `office-js/${file}`,
        info: { minimized: true },
      });
    }
  }

  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pages' CSP forbids eval.
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: path.resolve(__dirname, env.out || "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx"],
      // mammoth's browser build (its package.json "browser" map) and no Node built-ins in the pane.
      aliasFields: ["browser"],
      fallback: {
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        util: false,
        buffer: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      page("taskpane", "Tổng hợp báo cáo", OFFICE_JS_CDN, ["taskpane"], START_TIMEOUT_MS),
      page("commands", "Tổng hợp báo cáo", OFFICE_JS_CDN, ["commands"]),
      ...(playground
        ? [page("playground", "Tổng hợp báo cáo — playground", OFFICE_JS_LOCAL, ["playground"])]
        : []),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
    optimization: dev ? {} : productionMinimizer(),
    devServer: {
      port: 3000,
      server: devCertificate(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      open: false,
      // `npm start`: the root URL opens the playground, its query parameters kept.
      setupMiddlewares: (middlewares) => {
        if (playground) {
          middlewares.unshift({ name: "playground-root", path: "/", middleware: playgroundRootRedirect });
        }
        return middlewares;
      },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.csp = csp;
