// The Playwright suite (e2e/*.e2e-spec.ts) runs with the Fastify inject specs in the int project,
// so `npm test` covers it.
module.exports = require('../../jest.preset.js').jestProjects(__dirname, 'cockpit', {
  extraTestMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
});
