/**
 * Task pane build (issue 7).
 *
 * - `taskpane`: the add-in page, dist/taskpane.html + JS. The production page loads Office.js from
 *   Microsoft's CDN (it must never be bundled: TRAPS.md).
 * - `test-host`: dist/test-host.html, used ONLY by the browser tests and built only when
 *   CCHC_TEST_HOST=1 (so it is never deployed). It runs a tiny entry that installs the in-memory
 *   Excel as the `Excel` / `Office` globals and then the SAME `taskpane` bundle, so the only
 *   difference from production is the host object.
 *
 * The .xlsx reader/writer (exceljs and everything importing it) is reached only through dynamic
 * import(), so it lands in async chunks and the first paint stays small (measured by
 * test/bench/taskpane.bench.ts as taskpane.initialJsGzipKB).
 *
 * Environment: CCHC_DIST overrides the output folder (the browser tests build into a temp dir so
 * they never race with `npm run build`).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** HTTPS options for the dev server: Office only loads add-ins over https. */
async function devServerHttps() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    // Certificates are installed by `npx office-addin-dev-certs install` on the user's machine;
    // without them the dev server still starts (self-signed) so the page can be looked at.
    console.warn(`office-addin-dev-certs: ${error && error.message ? error.message : error}`);
    return 'https';
  }
}

module.exports = async (env, argv) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  env = env || {};
  const withTestHost = process.env.CCHC_TEST_HOST === '1';
  const outDir = process.env.CCHC_DIST
    ? path.resolve(process.env.CCHC_DIST)
    : path.resolve(__dirname, 'dist');
  const copyPatterns = [
    { from: 'manifest*.xml', to: '[name][ext]', noErrorOnMissing: true },
    {
      from: 'assets',
      to: 'assets',
      noErrorOnMissing: true,
      globOptions: { ignore: ['**/.gitkeep', '**/*.ts'] },
    },
  ];

  return {
    mode,
    target: 'web',
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      ...(withTestHost ? { 'test-host': './src/testing/test-host.ts' } : {}),
    },
    output: {
      path: outDir,
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
      publicPath: 'auto',
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // exceljs' package.json points browsers at its self-contained dist build; the fallbacks cover
      // node built-ins that other code paths name but never reach in the browser.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      splitChunks: { chunks: 'all' },
      runtimeChunk: 'single',
    },
    performance: {
      // The async exceljs chunk is ~1 MB by design (loaded on demand); the initial budget is
      // checked by the bench instead of webpack's generic hint.
      hints: false,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs: `<script src="${OFFICE_JS}"></script>` },
      }),
      ...(withTestHost
        ? [
            new HtmlWebpackPlugin({
              filename: 'test-host.html',
              template: './src/taskpane/taskpane.html',
              // The host first, then the same app bundle.
              chunks: ['test-host', 'taskpane'],
              chunksSortMode: 'manual',
              templateParameters: { officeJs: '' },
            }),
          ]
        : []),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // Only `webpack serve` needs (and may install) the certificates; a build must not touch them.
      server: env && env.WEBPACK_SERVE ? await devServerHttps() : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: outDir },
      hot: false,
    },
  };
};
