module.exports = require('../../jest.preset.js').jestProjects(__dirname, 'knowledge');
