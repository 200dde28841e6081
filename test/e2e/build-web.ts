/**
 * One entry of the add-in's web build (webpack.config.js), unminified and without source maps, into
 * `outDir`: what the end-to-end tests serve or inspect (the production build is `npm run build`'s).
 */
import webpack from 'webpack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as (env: Record<string, unknown>, argv: Record<string, unknown>) => webpack.Configuration;

export function buildWeb(only: 'harness' | 'taskpane', outDir: string): Promise<void> {
  const config = webpackConfig({ only, outDir, noSourceMaps: true }, { mode: 'development' });
  return new Promise((resolve, reject) => {
    webpack(config).run((err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}
