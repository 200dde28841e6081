/**
 * `npm run test:real` (through scripts/test-real.js, which first checks that LibreOffice, Chromium,
 * openpyxl and poppler are installed): the tests that need a real engine or browser, or are heavy —
 * LibreOffice recalculation and PDF rendering, headless Chromium end to end, the 101-workbook review,
 * the 200 000-row file, the packaged-CLI install. Files named `*.real.test.ts(x)`.
 */
const base = require('./jest.base');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/*.real.test.ts', '**/*.real.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 1_800_000,
};
