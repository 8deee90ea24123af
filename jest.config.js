/*
 * Packages that ship ES modules only. Node 20 can require() them, Jest's module system cannot,
 * so they are compiled to CommonJS like our own code: jose (the tab's SSO validation) and the
 * parts of jsdom (the tab's view tests) that moved to ESM.
 */
const ESM_ONLY = '(jose|oauth4webapi|@exodus/bytes|parse5|entities|tough-cookie|css-tree|@asamuzakjp|@csstools|@bramus)';

/** Unit, storage, HTTP and bot tests. Browser and scale-out tests run separately (npm run test:browser, test:scale). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/', '/test/scale/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
    [`/node_modules/${ESM_ONLY}/.+\\.m?js$`]: ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs', target: 'ES2022' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  testTimeout: 20000,
};
