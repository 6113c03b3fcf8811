#!/usr/bin/env node
// The whole signup funnel over HTTP against the real portal (built dist) on a throwaway embedded
// Postgres: login (email → code), plan, number, details, KYC, card, order, then activation polled
// to the eSIM page. Reports the server time of the funnel's requests (goal: < 500 ms in total)
// and, separately, how long the asynchronous activation took.
// Needs the built libs and apps: `npx nx run-many -t build` first.
// Usage: node tools/bench/signup.js [--runs 5]
const { performance } = require('node:perf_hooks');
const { bootPortal } = require('./signup-plans.boot');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

class Client {
  constructor(base, ip) {
    this.base = base;
    this.ip = ip;
    this.cookies = new Map();
    this.csrf = '';
    this.timings = [];
  }

  async request(step, method, path, form) {
    const headers = { 'x-forwarded-for': this.ip };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ ...form, _csrf: this.csrf }).toString();
    }
    const started = performance.now();
    const res = await fetch(`${this.base}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    this.timings.push({ step, ms: performance.now() - started });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0/.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(text);
    if (token) this.csrf = token[1];
    if (res.status >= 400) throw new Error(`${step}: ${method} ${path} → ${res.status}`);
    return { status: res.status, location: res.headers.get('location'), text, hxRedirect: res.headers.get('hx-redirect') };
  }
}

async function signupOnce(app, base, n) {
  const { EmailQueries } = require('@bss/notifications');
  const email = `bench${n}@example.sg`;
  const c = new Client(base, `10.1.${Math.floor(n / 250)}.${n % 250}`);
  await c.request('login page', 'GET', '/auth/login');
  await c.request('login start', 'POST', '/auth/login', { email, next: '/plans' });
  const [mail] = await app.get(EmailQueries).list({ to: email, limit: 1 });
  const code = /(\d{6})/.exec(mail.subject)[1];
  await c.request('login verify', 'POST', '/auth/check-email', { email, code, next: '/plans' });
  await c.request('plans', 'GET', '/plans');
  const started = await c.request('start', 'POST', '/signup', { offering_id: 'PLAN_M' });
  const id = /\/signup\/(SGN-[0-9a-f]{16})\//.exec(started.location)[1];
  const numbers = await c.request('number page', 'GET', `/signup/${id}/number`);
  const msisdn = /name="msisdn" value="(\d+)"/.exec(numbers.text)[1];
  await c.request('number', 'POST', `/signup/${id}/number`, { msisdn });
  await c.request('details page', 'GET', `/signup/${id}/details`);
  await c.request('details', 'POST', `/signup/${id}/details`, { given_name: 'Bench', family_name: `Run${n}`, phone: '+6591230000' });
  await c.request('kyc page', 'GET', `/signup/${id}/kyc`);
  await c.request('kyc', 'POST', `/signup/${id}/kyc`, { document_type: 'passport', document_number: `B${String(1e6 + n)}`, document_country: 'SG', date_of_birth: '1990-01-01' });
  await c.request('card page', 'GET', `/signup/${id}/card`);
  await c.request('card', 'POST', `/signup/${id}/card`, { card_number: '4242424242424242', exp_month: '12', exp_year: '2031' });
  await c.request('review', 'GET', `/signup/${id}/review`);
  await c.request('order', 'POST', `/signup/${id}/order`, {});
  const funnelMs = c.timings.reduce((s, t) => s + t.ms, 0);
  // Activation runs in the background workers; poll the fragment as the page does (every 100 ms here).
  const activationStarted = performance.now();
  let polls = 0;
  for (;;) {
    polls += 1;
    const p = await c.request('progress poll', 'GET', `/signup/${id}/progress`);
    if (p.text.includes('Your line is active!')) break;
    if (p.text.includes('did not complete')) throw new Error(`activation failed for ${id}`);
    if (performance.now() - activationStarted > 60_000) throw new Error('activation timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
  const activationMs = performance.now() - activationStarted;
  const esim = await c.request('esim', 'GET', `/signup/${id}/esim`);
  if (!esim.text.includes('LPA:1$')) throw new Error('no LPA on the eSIM page');
  return { funnelMs, activationMs, polls, timings: c.timings.filter((t) => t.step !== 'progress poll') };
}

async function main() {
  const runs = option('runs', 5);
  const { app, base, stop } = await bootPortal({ workers: true });
  try {
    await signupOnce(app, base, 0); // warm-up (template compilation, pools)
    const results = [];
    for (let i = 1; i <= runs; i++) results.push(await signupOnce(app, base, i));
    const sorted = (xs) => [...xs].sort((a, b) => a - b);
    const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
    const round = (x) => Math.round(x * 10) / 10;
    const steps = {};
    for (const r of results) for (const t of r.timings) (steps[t.step] ??= []).push(t.ms);
    const report = {
      runs,
      requestsPerFunnel: results[0].timings.length,
      funnelServerMs: { median: round(median(results.map((r) => r.funnelMs))), max: round(Math.max(...results.map((r) => r.funnelMs))) },
      activationMs: { median: round(median(results.map((r) => r.activationMs))), max: round(Math.max(...results.map((r) => r.activationMs))) },
      medianMsPerStep: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(median(v))])),
      goals: { funnelUnder500ms: median(results.map((r) => r.funnelMs)) < 500 },
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
