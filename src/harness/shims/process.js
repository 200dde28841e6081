/**
 * The little of Node's `process` that ExcelJS's stream code reads in a browser (webpack 5 no longer
 * polyfills it): nextTick and an empty env.
 */
/* global queueMicrotask */
module.exports = {
  browser: true,
  env: {},
  argv: [],
  version: '',
  versions: {},
  platform: 'browser',
  cwd: () => '/',
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
};
