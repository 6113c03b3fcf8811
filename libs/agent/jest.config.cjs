// dist/ holds copies of non-TS files (the build's --copy-files), snapshots included: keep jest out of it.
const config = require('../../jest.preset.js').jestProjects(__dirname, 'agent');
config.projects = config.projects.map((project) => ({ ...project, modulePathIgnorePatterns: ['<rootDir>/dist'] }));
module.exports = config;
