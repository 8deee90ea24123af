/*
 * Scale-out tests (npm run test:scale): the Redis-backed adapters against a redis-server each suite
 * starts on a free port, replicas played by separate connections. Apart from `npm test` because they
 * need redis-server on the machine; --forceExit because a replica that "dies" mid-job leaves BullMQ
 * timers behind in this process, as a killed process would leave nothing.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/scale/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
};
