// The browser tests run against the built tab: build it once, first.
const { buildTab } = require('../../scripts/build-tab.js');

module.exports = async () => {
  buildTab({ quiet: true });
};
