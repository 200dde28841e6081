/**
 * Settings shared by both test tiers (jest.config.js: `npm test`; jest.real.config.js: `npm run test:real`).
 * No tight per-test limit: on a shared 2-core machine under load a test may take several times its
 * idle duration; speed goals live in bench/, never in timed tests.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 600_000,
  maxWorkers: 2,
};
