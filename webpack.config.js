/**
 * The add-in's web build (the CLI has its own: tsc -p tsconfig.build.json into dist/).
 *   npm start       https://localhost:3000, self-signed certificate made by webpack-dev-server
 *   npm run build   production bundle in dist-web/, manifest URLs rewritten from ADDIN_URL
 * Entries: taskpane (the pane in Excel), commands (the ribbon's function file), harness (the pane
 * in a plain browser over an in-memory workbook). `--env only=harness` builds one entry (tests).
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_URL, addinUrl, rewriteManifest } = require('./scripts/addin-url');

/** office.js and what it loads for Excel, French and English strings; the rest of its 86 MB stays out. */
const OFFICE_JS_FILES = ['office.js', 'o15apptofilemappingtable.js', 'es6-promise.js', 'excel*.js', 'fr-fr/**', 'en-us/**', 'telemetry/**', 'ariatelemetry/**', 'agaveerrorux/**'];

/**
 * One origin, nothing else: office.js is served by the add-in itself (script-src 'self'). Fluent UI
 * writes its styles at run time, hence style-src 'unsafe-inline' (styles, never scripts).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const PAGES = {
  taskpane: { entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html' },
  commands: { entry: './src/taskpane/commands.ts', template: './src/taskpane/commands.html' },
  harness: { entry: './src/harness/index.tsx', template: './src/harness/harness.html' },
};

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'development';
  const production = mode === 'production';
  const only = env.only ? String(env.only).split(',') : Object.keys(PAGES);
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist-web');
  const url = production ? addinUrl() : DEV_URL;
  if (production && url === DEV_URL && !env.quiet) {
    console.warn('ADDIN_URL non défini : dist-web/manifest.xml garde https://localhost:3000/ (essai local du bundle).');
  }
  const pages = only.map((name) => {
    if (!PAGES[name]) throw new Error(`entrée inconnue : ${name}`);
    return [name, PAGES[name]];
  });
  const needsOffice = only.some((name) => name !== 'harness');

  return {
    mode,
    // Never an eval-based source map: the pages' CSP forbids eval.
    devtool: production ? 'source-map' : env.noSourceMaps ? false : 'source-map',
    entry: Object.fromEntries(pages.map(([name, p]) => [name, p.entry])),
    output: {
      path: outDir,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      alias: {
        exceljs$: path.resolve(__dirname, 'src/harness/shims/exceljs-browser.js'),
        zlib$: path.resolve(__dirname, 'src/harness/shims/zlib.js'),
      },
      // What ExcelJS and the xlsx adapter ask of Node, in the harness only.
      fallback: {
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: require.resolve('readable-stream'),
        buffer: require.resolve('buffer/'),
        events: require.resolve('events/'),
        string_decoder: require.resolve('string_decoder/'),
        util: false,
        url: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `npm run typecheck`; the bundle only needs the JavaScript.
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'], process: path.resolve(__dirname, 'src/harness/shims/process.js') }),
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(mode) }),
      ...pages.map(
        ([name, p]) =>
          new HtmlWebpackPlugin({ filename: `${name}.html`, template: p.template, chunks: [name], csp: CSP, scriptLoading: 'defer' }),
      ),
      ...(needsOffice ? [new HtmlWebpackPlugin({ filename: 'aide.html', template: './src/taskpane/aide.html', chunks: [], csp: CSP })] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          ...(only.includes('harness') ? [{ from: 'samples/pas-de-calais-2024.xlsx', to: 'samples/' }] : []),
          ...(needsOffice
            ? [
                { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content.toString(), url) },
                ...OFFICE_JS_FILES.map((glob) => ({ from: glob, context: 'node_modules/@microsoft/office-js/dist', to: 'office-js/', globOptions: { ignore: ['**/*.debug.js'] } })),
              ]
            : []),
        ],
      }),
    ],
    // ExcelJS's sources import names webpack cannot see in the empty Node fallbacks; they are unused.
    ignoreWarnings: [/export '.*' \(imported as '.*'\) was not found in '(fs|zlib)'/, /Critical dependency/],
    performance: { hints: false },
    devServer: {
      host: 'localhost',
      port: 3000,
      // webpack-dev-server makes and keeps a self-signed certificate (node_modules/.cache); see README.
      server: 'https',
      headers: { 'Access-Control-Allow-Origin': '*', 'Content-Security-Policy': CSP },
      static: false,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
