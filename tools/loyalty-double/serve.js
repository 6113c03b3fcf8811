#!/usr/bin/env node
// A stand-in loyalty engine for trying BSS_LOYALTY_MODE=remote by hand: the same contract-test
// double the promos specs use (in-memory, forgets everything when stopped).
//   npm run build && node tools/loyalty-double/serve.js [--port 8080] [--token <token>]
// then start BSS with the three variables it prints.
const { startLoyaltyDouble } = require('../../libs/promos/dist/testing/loyalty-double.js');
const http = require('node:http');

function flag(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const double = await startLoyaltyDouble({ token: flag('token') });
  const port = Number(flag('port') ?? 0);
  let url = double.url;
  if (port) {
    // Front the double on a fixed port so the env vars stay the same across restarts.
    const target = new URL(double.url);
    const proxy = http.createServer((req, res) => {
      const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${port}`;
  }
  process.stdout.write(`BSS_LOYALTY_MODE=remote\nBSS_LOYALTY_BASE_URL=${url}\nBSS_LOYALTY_API_TOKEN=${double.token}\n`);
  const stop = () => double.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
