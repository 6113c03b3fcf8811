#!/usr/bin/env node
// `bss` alone, or with only the cockpit's root flags, is the REPL (oclif would print the help).
const argv = process.argv.slice(2);
const cockpit = argv.length === 0 || /^--(session|new|label|list|allow-destructive)(=|$)/.test(argv[0]);
const args = cockpit ? ['repl', ...argv] : argv;
const inProcess = () => require('@oclif/core').execute({ dir: __dirname, args });

// With `npm start` running, its warm executor (modules loaded, database connected) serves the call
// and this process only relays the output; otherwise, or when it is busy, the call runs here.
let warm;
try {
  warm = require('../dist/executor/warm-client.js');
} catch {
  warm = undefined; // not built yet: oclif below says what is missing
}
if (warm) {
  warm.runInWarmExecutor(args).then((served) => served || inProcess());
} else {
  inProcess();
}
