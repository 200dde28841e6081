/**
 * `npm test`: everything that needs only npm packages (domain, layout, the Office adapter on the
 * fake, the pane in jsdom, the CLI on generated workbooks). Tests that need LibreOffice or Chromium,
 * or are heavy, are named `*.real.test.ts(x)` and run with `npm run test:real` (jest.real.config.js).
 */
/** @type {import('jest').Config} */
module.exports = {
  ...require('./jest.base'),
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '\\.real\\.test\\.tsx?$'],
  // No tight per-test limit: on a shared 2-core machine under load a test may take several times its
  // idle duration; speed goals live in bench/, never in timed tests.
  testTimeout: 600_000,
};
