// The tooling's own specs (e.g. the lint rules in tools/lint/eslint-config.spec.ts): pure, no Postgres.
const preset = require('../jest.preset.js');

module.exports = { ...preset, rootDir: __dirname, displayName: 'tools', testMatch: ['<rootDir>/**/*.spec.ts'] };
