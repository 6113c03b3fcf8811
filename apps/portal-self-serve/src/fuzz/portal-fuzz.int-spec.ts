import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { customerWithLine, type CustomerWithLine } from '#portal-self-serve/testing/line-factory';
import { createPortalTestApp, TestBrowser, type PortalTestApp } from '#portal-self-serve/testing/portal-test-app';

/** Inputs per run: the issue's floor is 2,000; `BSS_FUZZ_RUNS` raises it for a longer hunt. */
const RUNS = Number(process.env.BSS_FUZZ_RUNS ?? 2_000);
/**
 * A fixed seed keeps `npm test` repeatable; `BSS_FUZZ_SEED=<n>` replays a run and
 * `BSS_FUZZ_SEED=random` hunts with a fresh one. Every failure message names its seed.
 */
const SEED = process.env.BSS_FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.BSS_FUZZ_SEED ?? 20_261_205);
const OVER_BODY_LIMIT = 300 * 1024;

/**
 * Tables a refused request may legitimately write: the counters that make limits work (login and
 * code attempts, rate-limit buckets), the record of refused portal actions, and the step-up stash
 * a gated POST leaves before its code is asked for. Everything else must be untouched.
 */
const MAY_COUNT_ATTEMPTS = /(rate_limit|attempt|login_challenge|portal_action|step_up|email_outbox|external_call|audit\.domain_event)/;
/** Audit events of those same attempts; any other event is a write a fuzzed request made. */
const MAY_AUDIT = /^(step_up\.action_stashed|login\.|portal\.)/;

interface Route {
  method: string;
  url: string;
}

interface FuzzInput {
  route: Route;
  signedIn: boolean;
  path: string;
  query: string;
  contentType: string | null;
  body: string | null;
  headers: Record<string, string>;
  withCsrf: boolean;
}

/** Every field name the portal's forms post or its handlers read, so some inputs reach the commands. */
function portalFieldNames(): string[] {
  const names = new Set(['_csrf', 'next', 'confirm', 'email', 'code', 'value', 'err', 'flash']);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of walk(join(__dirname, '..'))) {
    if (!/\.(ts|pug)$/.test(file) || file.includes('spec')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:form\.|name=["']|\+\w+\(['"])([a-z][a-z0-9_]*)/gi)) names.add(m[1]);
  }
  return [...names];
}

/** Text a person, a script or an attacker might send: printable, any unicode, controls, NUL, long. */
function textArbitrary(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', ' ', '\u0000', 'Ada\u0000', 'a\u0007b', '\u001b[31m', '\u007f', 'line\nbreak', 'tab\there', '\r\n', '\ud800', '\ufeff', '🚀', '李', '%00', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '//evil.example', 'javascript:alert(1)', '-1', '0', '1e309', 'NaN', 'null', 'true', '[]', '{}'),
    fc.constantFrom(...known),
    fc.string({ minLength: 500, maxLength: 5_000 }),
  );
}

function formBody(fields: [string, string][], csrf: string | null): string {
  const params = new URLSearchParams(fields);
  if (csrf !== null) params.set('_csrf', csrf);
  return params.toString();
}

describe('portal fuzz: no input makes the portal answer 5xx or write', () => {
  let t: PortalTestApp;
  let ada: CustomerWithLine;
  let bob: CustomerWithLine;
  let browser: TestBrowser;
  const routes: Route[] = [];

  beforeAll(async () => {
    t = await createFuzzedPortal(routes);
    ada = await customerWithLine(t, 'ada.fuzz@example.sg');
    bob = await customerWithLine(t, 'bob.fuzz@example.sg', 'PLAN_S');
    browser = new TestBrowser(t);
    await browser.login(ada.email);
  }, 120_000);
  afterAll(() => t.close());

  async function rowCounts(): Promise<Map<string, number>> {
    const tables = await t.db.query<{ name: string }>(
      `select table_schema || '.' || table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'pgboss')`,
    );
    const counts = new Map<string, number>();
    const [row] = await t.db.query<Record<string, string>>(`select ${tables.map((tb, i) => `(select count(*) from ${tb.name}) as t${i}`).join(', ')}`);
    tables.forEach((tb, i) => counts.set(tb.name, Number(row[`t${i}`])));
    return counts;
  }

  function inputArbitrary(): fc.Arbitrary<FuzzInput> {
    const fields = portalFieldNames();
    const known = [ada.line.id, bob.line.id, ada.customerId, bob.customerId, ada.card.id, bob.card.id, ada.email, 'PLAN_M', 'PLAN_S', 'yes', '1', '/'];
    const text = textArbitrary(known);
    const segment = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, text.map((s) => encodeURIComponent(Buffer.from(s.slice(0, 200), 'utf8').toString('utf8'))), fc.constantFrom('%00', '%', '%E0%A4%A', '..', '%2e%2e', '%2F'));
    const query = fc.oneof(
      fc.constant(''),
      fc.array(fc.tuple(fc.constantFrom(...fields), text), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString()),
      fc.constantFrom('%00', 'a=%00', '%', 'next=%2F%2Fevil.example', 'a[b][c]=1', 'a=1&a=2&a=3', '=', '&&&', 'x=%E0%A4%A'),
    );
    const asciiHeader = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 });
    const headers = fc.record(
      {
        'hx-request': fc.constantFrom('true', 'false', ''),
        referer: fc.oneof(fc.constantFrom('http://portal.test/profile/contact', 'http://evil.example/', 'not a url', ''), asciiHeader),
        accept: fc.constantFrom('text/html', 'application/json', '*/*', 'garbage'),
        'x-forwarded-for': fc.oneof(fc.constantFrom('1.2.3.4', 'unknown', '::1, 10.0.0.1'), asciiHeader),
        'accept-language': asciiHeader,
        'x-csrf-token': asciiHeader,
      },
      { requiredKeys: [] },
    );
    const contentType = fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded',
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=xyz',
      'application/xml',
      'application/json; charset=latin1',
      'garbage/??',
      null,
    );
    const body = fc.oneof(
      { weight: 6, arbitrary: fc.array(fc.tuple(fc.constantFrom(...fields), text), { maxLength: 8 }).map((pairs) => ({ kind: 'form' as const, pairs })) },
      { weight: 2, arbitrary: fc.json().map((json) => ({ kind: 'raw' as const, text: json })) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...fields), text).map((o) => ({ kind: 'raw' as const, text: JSON.stringify(o) })) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary' }).map((s) => ({ kind: 'raw' as const, text: s })) },
      { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '\u0000', '%', 'a=%ZZ', '{"__proto__":{"x":1}}', '[[[[[[[[[[]]]]]]]]]]').map((s) => ({ kind: 'raw' as const, text: s })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'huge' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    );
    return fc
      .record({
        route: fc.constantFrom(...routes),
        signedIn: fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        params: fc.array(segment, { minLength: 4, maxLength: 4 }),
        query,
        contentType,
        body,
        headers,
        withCsrf: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      })
      .map(({ route, params, body: b, signedIn: wantsSession, ...rest }) => {
        // Signing out is a write any input may make; the signed-in half stays signed in.
        const signedIn = wantsSession && route.url !== '/auth/logout';
        let i = 0;
        const path = route.url.replace(/:[A-Za-z_]+|\*/g, () => params[i++ % params.length] ?? 'x');
        const csrf = signedIn && rest.withCsrf ? browser.csrf : null;
        const text = b.kind === 'form' ? formBody(b.pairs, csrf) : b.kind === 'raw' ? b.text : b.kind === 'huge' ? 'a='.padEnd(OVER_BODY_LIMIT, 'x') : null;
        return { route, path, body: text, signedIn, ...rest };
      });
  }

  it(`answers ${RUNS} random requests over every route without a 5xx and without a write`, async () => {
    expect(routes.length).toBeGreaterThan(20);
    const before = await rowCounts();
    const [{ last }] = await t.db.query<{ last: string }>(`select coalesce(max(id), 0) as last from audit.domain_event`);
    const inputs = fc.sample(inputArbitrary(), { numRuns: RUNS, seed: SEED });
    const fives: string[] = [];
    const statuses = new Map<number, number>();
    const anonymous = `203.0.113.${(SEED % 200) + 1}`;
    for (const input of inputs) {
      const method = input.route.method;
      const headers: Record<string, string> = { host: 'portal.test', 'user-agent': 'portal-fuzz', ...input.headers };
      if (input.signedIn) headers.cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const sendsBody = !['GET', 'HEAD'].includes(method) && input.body !== null;
      if (sendsBody && input.contentType) headers['content-type'] = input.contentType;
      const url = input.query ? `${input.path}?${input.query}` : input.path;
      let status: number;
      try {
        const res = await t.app.inject({ method: method as 'GET', url, headers, payload: sendsBody ? (input.body ?? undefined) : undefined, remoteAddress: anonymous });
        status = res.statusCode;
        if (status >= 500) fives.push(`${status} ${method} ${url.slice(0, 200)} ct=${input.contentType} body=${JSON.stringify((input.body ?? '').slice(0, 200))} → ${res.body.slice(0, 200)}`);
      } catch (error) {
        // The test client refusing to send it (an unsendable URL) is not the portal's answer.
        status = -1;
        if (!/Invalid URI|invalid|ERR_INVALID/i.test(String(error))) throw error;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    await t.jobs.drain();
    const after = await rowCounts();
    const written = [...after].filter(([table, n]) => n !== before.get(table) && !MAY_COUNT_ATTEMPTS.test(table)).map(([table, n]) => `${table}: ${before.get(table)} → ${n}`);
    const events = await t.db.query<{ event_type: string }>(`select event_type from audit.domain_event where id > $1 order by id`, [last]);
    const audited = events.map((e) => e.event_type).filter((type) => !MAY_AUDIT.test(type));

    const summary = `seed ${SEED}, ${inputs.length} inputs over ${routes.length} routes, statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
    expect({ summary, fives: fives.slice(0, 20), fiveCount: fives.length }).toEqual({ summary, fives: [], fiveCount: 0 });
    expect({ summary, written, audited }).toEqual({ summary, written: [], audited: [] });
    expect(inputs.length).toBeGreaterThanOrEqual(2_000);
    // The signed-in half was signed in to the end.
    expect((await browser.get('/profile/contact')).status).toBe(200);
  }, 180_000);
});

/**
 * The portal as `createPortalTestApp` builds it, with Fastify's route table recorded as routes
 * register (the Nest controllers and anything the app adds itself), so new routes are fuzzed too.
 */
async function createFuzzedPortal(routes: Route[]): Promise<PortalTestApp> {
  return createPortalTestApp({
    onRoute: (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: route.url });
      }
    },
  });
}
