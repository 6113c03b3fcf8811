#!/usr/bin/env node
// `bss` alone, or with only the cockpit's root flags, is the REPL (oclif would print the help).
const argv = process.argv.slice(2);
const cockpit = argv.length === 0 || /^--(session|new|label|list|allow-destructive)(=|$)/.test(argv[0]);
require('@oclif/core').execute({ dir: __dirname, args: cockpit ? ['repl', ...argv] : argv });
