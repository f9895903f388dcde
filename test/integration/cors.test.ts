// CORS over plain HTTP, as a browser would send it: preflights on /graphql and the REST paths are
// answered before authentication and the rate limit (no token, nothing counted), an origin off the
// list gets no CORS header, answers let a web app read the correlation id and rate-limit headers
// (also on a 401 or a 429), and Apollo's CSRF prevention still refuses what a form could send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originPatterns } from '../../src/config.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const APP = 'http://localhost:5173'; // a Vite dev server: allowed by the development default
const REQUESTED_HEADERS =
  'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, idempotency-key, x-correlation-id';
const RATE_LIMIT = 3;

const preflight = (s: Stack, path: string, origin: string, method = 'POST') =>
  fetch(s.url + path, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': REQUESTED_HEADERS,
    },
  });

/** The CORS headers of an answer, and whether it went through the guard or the rate limit. */
const corsOf = (res: Response) => ({
  allowOrigin: res.headers.get('access-control-allow-origin'),
  allowMethods: res.headers.get('access-control-allow-methods'),
  allowHeaders: res.headers.get('access-control-allow-headers'),
  expose: res.headers.get('access-control-expose-headers'),
});

describe('CORS with the development default (localhost, 127.0.0.1 and [::1] on any port)', () => {
  let s: Stack;
  let statusPath: string;
  beforeAll(async () => {
    s = await startStack({ config: { limits: { rateLimit: RATE_LIMIT } } });
    const { msisdn, country } = s.upstream.demo.active;
    statusPath = `/v2/tigo/mobile/${country}/billing/subscribers/${msisdn}/status`;
  });
  afterAll(() => s.close());

  it('answers preflights of /graphql and of REST paths with 204 and the allow headers, without a token', async () => {
    for (const [path, method] of [
      ['/graphql', 'POST'],
      ['/graphql', 'GET'],
      [statusPath, 'GET'],
      [statusPath, 'PUT'],
    ] as const) {
      const res = await preflight(s, path, APP, method);
      expect(res.status, `${method} ${path}`).toBe(204);
      expect(await res.text()).toBe('');
      const cors = corsOf(res);
      expect(cors.allowOrigin).toBe(APP);
      expect(cors.allowMethods?.split(', ')).toContain(method);
      expect(cors.allowHeaders?.split(', ')).toEqual(expect.arrayContaining(REQUESTED_HEADERS.split(', ')));
      expect(res.headers.get('vary')).toMatch(/origin/i);
      expect(res.headers.get('www-authenticate')).toBeNull();
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });

  it('allows the Apollo and gateway request headers, and exposes what a web app reads', async () => {
    const cors = corsOf(await preflight(s, '/graphql', APP));
    const allowed =
      'authorization content-type apollo-require-preflight x-apollo-operation-name apollographql-client-name apollographql-client-version idempotency-key x-correlation-id';
    expect(cors.allowHeaders?.split(', ')).toEqual(expect.arrayContaining(allowed.split(' ')));
    const exposed =
      'x-correlation-id x-ratelimit-limit x-ratelimit-remaining x-ratelimit-reset retry-after idempotent-replayed';
    expect(cors.expose?.split(', ')).toEqual(expect.arrayContaining(exposed.split(' ')));
  });

  it('counts no preflight against the rate limit; the limit answers (200, then 429) carry CORS headers', async () => {
    const authorization = `Bearer ${await s.token({ agent: 'cors-budget' })}`;
    for (let i = 0; i < RATE_LIMIT * 3; i++) {
      expect((await preflight(s, '/graphql', APP)).status).toBe(204);
      expect((await preflight(s, statusPath, APP, 'GET')).status).toBe(204);
    }
    const post = () =>
      fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { origin: APP, authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    const first = await post();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-remaining')).toBe(String(RATE_LIMIT - 1));
    expect(corsOf(first).allowOrigin).toBe(APP);
    expect(corsOf(first).expose).toContain('x-ratelimit-remaining');
    expect(first.headers.get('x-correlation-id')).toBeTruthy();
    for (let i = 1; i < RATE_LIMIT; i++) expect((await post()).status).toBe(200);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(corsOf(limited)).toMatchObject({
      allowOrigin: APP,
      expose: expect.stringContaining('retry-after'),
    });
  });

  it('lets a web app read a 401 (no token) on both surfaces', async () => {
    for (const path of ['/graphql', statusPath]) {
      const res = await fetch(s.url + path, { headers: { origin: APP } });
      expect(res.status).toBe(401);
      expect(corsOf(res).allowOrigin).toBe(APP);
    }
  });

  it('gives an origin off the list no CORS header: neither on a preflight nor on an answer', async () => {
    const authorization = `Bearer ${await s.token({ agent: 'cors-foreign' })}`;
    for (const origin of ['https://evil.example', 'http://localhost.evil.example:5173', 'null']) {
      for (const path of ['/graphql', statusPath]) {
        const res = await preflight(s, path, origin, 'GET');
        expect(res.status, `${origin} ${path}`).not.toBe(204);
        expect(corsOf(res)).toEqual({
          allowOrigin: null,
          allowMethods: null,
          allowHeaders: null,
          expose: null,
        });
      }
      const answer = await s.fetch('/graphql', {
        method: 'POST',
        headers: { origin, authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(corsOf(answer).allowOrigin).toBeNull();
    }
  });

  it('gives CORS to the API surfaces only: not to /metrics, /health or /docs', async () => {
    for (const path of ['/metrics', '/health/live', '/docs/']) {
      const res = await fetch(s.url + path, { headers: { origin: APP } });
      expect(res.status, path).toBeLessThan(400);
      expect(corsOf(res).allowOrigin, path).toBeNull();
      expect(corsOf(await preflight(s, path, APP, 'GET')).allowOrigin, path).toBeNull();
    }
  });

  it("keeps Apollo's CSRF prevention: an allowed origin's form-like POST or plain GET is refused", async () => {
    const authorization = `Bearer ${await s.token({ agent: 'cors-csrf' })}`;
    const csrf = [
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' },
      { method: 'GET', path: '?query=%7B__typename%7D' },
    ];
    for (const { path = '', ...init } of csrf) {
      const res = await s.fetch(`/graphql${path}`, {
        ...init,
        headers: { origin: APP, authorization, ...init.headers },
      });
      expect(res.status).toBe(400);
      expect(
        ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
      ).toBe('BAD_REQUEST');
    }
    const json = await s.fetch('/graphql', {
      method: 'POST',
      headers: { origin: APP, authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(json.status).toBe(200);
  });
});

describe('CORS_ORIGINS set: only its origins and patterns', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({
      config: {
        corsOrigins: originPatterns(
          'https://app.example.com, https://*.preview.example.com, /^https:\\/\\/pr-\\d{1,4}\\.review\\.example\\.net$/',
        ),
      },
    });
  });
  afterAll(() => s.close());

  it('allows exactly those, and no longer the development default', async () => {
    const allowed = [
      'https://app.example.com',
      'https://pr-7.preview.example.com',
      'https://pr-12.review.example.net',
    ];
    const refused = [
      APP,
      'http://app.example.com',
      'https://app.example.com:8443',
      'https://preview.example.com',
      'https://evil.app.example.com',
      'https://pr-12.review.example.net.evil.example',
    ];
    for (const origin of allowed)
      expect(corsOf(await preflight(s, '/graphql', origin)).allowOrigin).toBe(origin);
    for (const origin of refused)
      expect(corsOf(await preflight(s, '/graphql', origin)).allowOrigin, origin).toBeNull();
  });
});

describe('CORS in production with CORS_ORIGINS unset', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ config: { production: true } });
  });
  afterAll(() => s.close());

  it('allows no origin, not even localhost', async () => {
    for (const origin of [APP, 'http://127.0.0.1:3000']) {
      const res = await preflight(s, '/graphql', origin);
      expect(res.status).toBe(401);
      expect(corsOf(res).allowOrigin).toBeNull();
    }
  });
});
