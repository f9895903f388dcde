// Issue 15, finding 6: the identity provider's outages. A gateway in production mode checks tokens
// against a real JWKS (a node:http server of this file serving keys made with jose) that is up, down
// (connections refused or reset), hanging, or rotating its keys. An issuer that cannot be reached is
// answered 503 AUTH_UNAVAILABLE with Retry-After, never 401; fetches are shared and paused after a
// failure; the last keys serve for a grace period; /health/ready and /metrics say the issuer's state.
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { BASE_PATH } from '../../src/sandbox/server.ts';
import { operationPath, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import { testConfig } from '../helpers/stack.ts';

const ISSUER = 'https://id.example.test';
const AUDIENCE = 'selfcare-api';

interface Key {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function makeKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

/** An agent token; each one distinct (its own jti), so the gateway's cache of verified tokens never answers. */
const tokenOf = (key: Key, kid = key.kid) =>
  new SignJWT({ scope: 'selfcare:agent' })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject('agent:idp-test')
    .setJti(randomUUID())
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key.privateKey);

type Mode = 'up' | 'down' | 'hang';

/** The identity provider's JWKS endpoint: counts fetches, and serves, resets or holds them. */
async function jwksServer(keys: Key[]) {
  const state = { mode: 'up' as Mode, keys, fetches: 0 };
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    state.fetches++;
    if (state.mode === 'down') return req.socket.destroy();
    if (state.mode === 'hang') return void held.push(res);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: state.keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nobody listens on: the issuer's host is gone. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/.well-known/jwks.json`;
}

let sandbox: TestSandbox;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => sandbox.close());

async function gatewayWith(auth: Partial<AuthConfig>): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway({
    config: testConfig({
      production: true,
      auth: { issuer: ISSUER, audience: AUDIENCE, ...auth },
      limits: { rateLimit: 1_000_000 },
    }),
    upstreamUrl: `${sandbox.url}${BASE_PATH}/{country}`,
  });
  const url = await gateway.listen(0, '127.0.0.1');
  cleanups.push(() => gateway.close());
  return { gateway, url };
}

const READ = 'query IdpRead($m: MSISDN!) { subscriber(msisdn: $m) { status { code } } }';

async function ask(url: string, token: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: READ, variables: { m: sandbox.demo.active.msisdn } }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
  return {
    status: res.status,
    code: body.errors?.[0]?.extensions?.code ?? null,
    retryAfter: res.headers.get('retry-after'),
    body,
  };
}

const upstreamCalls = async () =>
  ((await sandbox.request('GET', '/__sandbox/stats')).body as { total: number }).total;
const ready = async (url: string) => {
  const res = await fetch(`${url}/health/ready`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const providerGauge = async (url: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^gateway_identity_provider_state (\S+)$/m.exec(text)?.[1]);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an identity provider that cannot be reached', () => {
  it('no host at all: every caller gets 503 AUTH_UNAVAILABLE with Retry-After (GraphQL and REST), never 401, and no upstream call', async () => {
    const key = await makeKey('k1');
    const { url } = await gatewayWith({ jwksUrl: await closedPortUrl(), jwksRetryMs: 5000 });
    const callsBefore = await upstreamCalls();

    const answers = await Promise.all(Array.from({ length: 20 }, async () => ask(url, await tokenOf(key))));
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.code).toBe('AUTH_UNAVAILABLE');
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(5);
      expect(answer.body.data).toBeUndefined();
    }
    const rest = await fetch(
      url + operationPath('GetStatusOfSubscriberByMSISDN', { msisdn: sandbox.demo.active.msisdn }),
      { headers: { authorization: `Bearer ${await tokenOf(key)}` } },
    );
    expect(rest.status).toBe(503);
    expect(rest.headers.get('retry-after')).toMatch(/^[1-5]$/);
    expect(rest.headers.get('www-authenticate')).toBeNull();
    expect(await upstreamCalls()).toBe(callsBefore);

    // A token that does not even parse, or no token at all, needs no key: still the caller's 401.
    expect((await ask(url, 'a.b.c')).status).toBe(401);
    const none = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(none.status).toBe(401);
  });

  it('resetting connections: 100 requests make at most 2 JWKS fetches, /health/ready stays 200 and says "down", the gauge reads 2', async () => {
    const key = await makeKey('k1');
    const idp = await jwksServer([key]);
    cleanups.push(idp.close);
    idp.state.mode = 'down';
    const { url } = await gatewayWith({ jwksUrl: idp.url, jwksRetryMs: 30_000 });
    const tokens = await Promise.all(Array.from({ length: 100 }, () => tokenOf(key)));

    const concurrent = await Promise.all(tokens.slice(0, 50).map((t) => ask(url, t)));
    for (const t of tokens.slice(50)) {
      const answer = await ask(url, t);
      expect([answer.status, answer.code]).toEqual([503, 'AUTH_UNAVAILABLE']);
    }
    expect(concurrent.every((a) => a.status === 503 && a.code === 'AUTH_UNAVAILABLE')).toBe(true);
    expect(idp.state.fetches).toBeGreaterThanOrEqual(1);
    expect(idp.state.fetches).toBeLessThanOrEqual(2);

    const health = await ready(url);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'degraded', upstream: 'up', identityProvider: 'down' });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect(await providerGauge(url)).toBe(2);
  });

  it('hanging: 100 concurrent requests share one fetch and get 503 once it times out; later ones get 503 at once', async () => {
    const key = await makeKey('k1');
    const idp = await jwksServer([key]);
    cleanups.push(idp.close);
    idp.state.mode = 'hang';
    const { url } = await gatewayWith({ jwksUrl: idp.url, jwksTimeoutMs: 500, jwksRetryMs: 30_000 });
    const tokens = await Promise.all(Array.from({ length: 110 }, () => tokenOf(key)));

    const answers = await Promise.all(tokens.slice(0, 100).map((t) => ask(url, t)));
    expect(answers.filter((a) => a.status === 503 && a.code === 'AUTH_UNAVAILABLE')).toHaveLength(100);
    expect(idp.state.fetches).toBeLessThanOrEqual(2);

    // Within the pause after the failed fetch nobody waits for the issuer (a generous bound: no
    // request waits anywhere near the fetch timeout ten times over).
    const fetchesBefore = idp.state.fetches;
    const started = performance.now();
    for (const t of tokens.slice(100)) expect((await ask(url, t)).status).toBe(503);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(idp.state.fetches).toBe(fetchesBefore);
  });
});

describe('keys kept through an outage, and rotated', () => {
  it('stale-while-error: with the issuer down, the last keys serve for AUTH_JWKS_STALE_MS past their age, then 503', async () => {
    const key = await makeKey('k1');
    const idp = await jwksServer([key]);
    cleanups.push(idp.close);
    const [maxAgeMs, staleMs] = [300, 4000];
    const { url } = await gatewayWith({
      jwksUrl: idp.url,
      jwksMaxAgeMs: maxAgeMs,
      jwksStaleMs: staleMs,
      jwksRetryMs: 100,
    });
    expect((await ask(url, await tokenOf(key))).status).toBe(200);
    // The keys were fetched before this instant, so they serve at most until expiresBy.
    const expiresBy = Date.now() + maxAgeMs + staleMs;
    expect((await ready(url)).body.identityProvider).toBe('up');

    idp.state.mode = 'down';
    await sleep(maxAgeMs + 100); // past their age: the next request tries a fetch, which fails
    expect((await ask(url, await tokenOf(key))).status).toBe(200);
    await expect.poll(async () => (await ready(url)).body.identityProvider).toBe('stale');
    expect(await providerGauge(url)).toBe(1);
    expect((await ask(url, await tokenOf(key))).status).toBe(200);

    await sleep(expiresBy - Date.now() + 200); // past the grace period: no usable keys
    const after = await ask(url, await tokenOf(key));
    expect([after.status, after.code]).toEqual([503, 'AUTH_UNAVAILABLE']);
    expect((await ready(url)).body.identityProvider).toBe('down');

    // The issuer comes back: tokens work again once the pause after the last failure has passed.
    idp.state.mode = 'up';
    await expect.poll(async () => (await ask(url, await tokenOf(key))).status, { timeout: 3000 }).toBe(200);
    expect((await ready(url)).body.identityProvider).toBe('up');
    expect(await providerGauge(url)).toBe(0);
  }, 20_000);

  it('a rotation is picked up with one fetch; a flood of unknown kids right after makes none (cooldown) and is 401', async () => {
    const [old, rotated, forged] = [
      await makeKey('k-old'),
      await makeKey('k-new'),
      await makeKey('k-forged'),
    ];
    // Signed beforehand, so the flood arrives well within the cooldown of the rotation's fetch.
    const rotatedToken = await tokenOf(rotated);
    const floods = await Promise.all(Array.from({ length: 30 }, (_, i) => tokenOf(forged, `k-random-${i}`)));
    const oldToken = await tokenOf(old);
    const idp = await jwksServer([old]);
    cleanups.push(idp.close);
    const cooldownMs = 3000;
    const { url } = await gatewayWith({ jwksUrl: idp.url, jwksCooldownMs: cooldownMs });
    expect((await ask(url, await tokenOf(old))).status).toBe(200);
    expect(idp.state.fetches).toBe(1);

    idp.state.keys = [rotated];
    await sleep(cooldownMs + 100); // past the cooldown of the last fetch
    expect((await ask(url, rotatedToken)).status).toBe(200);
    expect(idp.state.fetches).toBe(2);

    const answers = await Promise.all(floods.map((t) => ask(url, t)));
    expect(answers.map((a) => `${a.status} ${a.code}`)).toEqual(Array(30).fill('401 UNAUTHENTICATED'));
    // The old key is gone from the set: its tokens are refused (no fetch either, same cooldown).
    expect((await ask(url, oldToken)).status).toBe(401);
    expect(idp.state.fetches).toBe(2);
  }, 20_000);
});
