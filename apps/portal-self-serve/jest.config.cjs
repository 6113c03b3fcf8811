const preset = require('../../jest.preset.js');

// The Playwright suite (e2e/*.e2e-spec.ts) runs with the Fastify inject specs, so `npm test` covers it.
module.exports = {
  ...preset,
  rootDir: __dirname,
  displayName: 'portal-self-serve',
  testMatch: [...preset.testMatch, '<rootDir>/e2e/**/*.e2e-spec.ts'],
};
