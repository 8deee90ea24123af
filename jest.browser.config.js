/** `npm run test:browser`: the tab in headless Chromium against the development host. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/browser/global-setup.js',
  testTimeout: 60000,
  // One Chromium at a time: the tests are few, and parallel browsers only fight for the CPU.
  maxWorkers: 1,
};
