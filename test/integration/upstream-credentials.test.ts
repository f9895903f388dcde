// Upstream credentials for real: a Sandbox that requires its own OAuth 2.0 tokens, and gateways in
// front of it with each UPSTREAM_AUTH mode. Counts come from the Sandbox (tokens issued, calls
// refused, the headers each call carried), never from timings.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDevKey } from '../../src/auth/keys.ts';
import { signDevToken, type TokenFor } from '../../src/auth/tokens.ts';
import { loadConfig, type UpstreamAuthConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import type { OAuthSnapshot } from '../../src/sandbox/oauth.ts';
import { BASE_PATH } from '../../src/sandbox/server.ts';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import { type ConfigOverrides, type GraphQLAnswer, testConfig } from '../helpers/stack.ts';

const DASHBOARD = readFileSync(new URL('../../operations/Dashboard.graphql', import.meta.url), 'utf8');
const STATUS = 'query ($m: MSISDN!) { subscriber(msisdn: $m) { status { code } } }';
const CLIENT_ID = 'gateway-under-test';
const SECRET = 'sandbox-secret-9c1e4f7a2b';

type AuthView = OAuthSnapshot & { calls: { operationId: string; headers: Record<string, string> }[] };

let sandbox: TestSandbox;
const open: Gateway[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ oauth: { clientId: CLIENT_ID, clientSecret: SECRET, requireAuth: true } });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await sandbox.request('DELETE', '/__sandbox/stats');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((g) => g.close()));
  await setAuth({ clientSecret: SECRET, tokenTtlS: 3600, requireAuth: true });
});

const tokenUrl = () => `${sandbox.url}/oauth/token`;
const auth = async () => (await sandbox.request<AuthView>('GET', '/__sandbox/auth')).body;
const calls = async () =>
  (await sandbox.request<{ operations: Record<string, number> }>('GET', '/__sandbox/stats')).body.operations;
async function setAuth(changes: Record<string, unknown>) {
  const res = await sandbox.request('PUT', '/__sandbox/auth', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(changes),
  });
  expect(res.status).toBe(200);
}

const mode = (m: UpstreamAuthConfig['mode'], over: Partial<UpstreamAuthConfig> = {}): UpstreamAuthConfig => ({
  ...loadConfig({}).gateway.upstreamAuth,
  mode: m,
  ...over,
});
const clientCredentials = (over: Partial<UpstreamAuthConfig> = {}) =>
  mode('client_credentials', {
    tokenUrl: tokenUrl(),
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    scope: 'selfcare.read selfcare.write',
    ...over,
  });

/** A gateway over `upstream` (the Sandbox by default), with a GraphQL client signed by its own key. */
async function gatewayWith(
  upstreamAuth: UpstreamAuthConfig,
  over: ConfigOverrides = {},
  upstream = sandbox.url,
) {
  const config = testConfig({ cache: false, upstreamAuth, ...over });
  const gateway = await createGateway({ config, upstreamUrl: `${upstream}${BASE_PATH}/{country}` });
  open.push(gateway);
  const url = await gateway.listen(0, '127.0.0.1');
  const key = await loadDevKey(config.auth.devKeyFile);
  const token = (who: TokenFor) => signDevToken(key, config.auth, who);
  const agent = `Bearer ${await token({ agent: 'tests' })}`;
  const gql = async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    authorization = agent,
  ): Promise<GraphQLAnswer<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
  };
  return { gateway, url, gql, token, agent };
}

const line = () => sandbox.demo.active.msisdn;
const codes = (res: GraphQLAnswer<unknown>) => [
  ...new Set((res.errors ?? []).map((e) => e.extensions?.code)),
];

describe('UPSTREAM_AUTH=client_credentials against a Sandbox that requires tokens', () => {
  it.each(['basic', 'post'] as const)(
    'client_secret_%s: the dashboard arrives whole, on one token for every call',
    async (clientAuth) => {
      const g = await gatewayWith(clientCredentials({ clientAuth }));
      for (let i = 0; i < 3; i++) {
        const res = await g.gql(DASHBOARD, { msisdn: line() });
        expect(res.errors).toBeUndefined();
        expect(res.data?.subscriber).toMatchObject({ msisdn: line(), status: { code: 'ACTIVE' } });
      }
      const seen = await auth();
      expect(seen.tokens).toMatchObject({ issued: 1, refused: 0 });
      expect(seen.refusedCalls).toBe(0);
      expect(seen.calls).toHaveLength(18);
      const bearers = new Set(seen.calls.map((c) => c.headers.authorization));
      expect(bearers.size).toBe(1);
      expect([...bearers][0]).toMatch(/^Bearer [\w-]{20,}$/);
    },
  );

  it('a gateway without credentials is refused: UPSTREAM_AUTH_FAILED (502 on REST), never UNAUTHENTICATED', async () => {
    const g = await gatewayWith(mode('none'));
    const res = await g.gql<{ subscriber: Record<string, unknown> }>(DASHBOARD, { msisdn: line() });
    expect(res.status).toBe(200);
    expect(res.errors?.length).toBeGreaterThanOrEqual(6);
    expect(codes(res)).toEqual(['UPSTREAM_AUTH_FAILED']);
    expect(res.errors?.[0]?.message).toMatch(/refused the gateway's credentials/);
    const rest = await fetch(`${g.url}${BASE_PATH}/hn/billing/subscribers/${line()}/status`, {
      headers: { authorization: g.agent },
    });
    expect(rest.status).toBe(502);
    expect(rest.headers.get('www-authenticate')).toBeNull();
    // One refused call per read: with nothing to renew, a 401 is not tried again.
    expect((await auth()).refusedCalls).toBe(1 + 6);
    expect(await calls()).toEqual({});
  });

  it('a gateway with the wrong secret is refused by the token endpoint (invalid_client), and says so', async () => {
    const g = await gatewayWith(clientCredentials({ clientSecret: 'not-the-secret' }));
    const res = await g.gql(STATUS, { m: line() });
    expect(codes(res)).toEqual(['UPSTREAM_AUTH_FAILED']);
    expect(res.errors?.[0]?.message).toBe(
      "The upstream's token endpoint refused the gateway's credentials (invalid_client, HTTP 401)",
    );
    const seen = await auth();
    expect(seen.tokens).toMatchObject({ issued: 0, refused: 1 });
    expect(seen.calls).toEqual([]);
  });

  it('tokens are renewed shortly before they expire: one token request per lifetime, one for many concurrent calls', async () => {
    await setAuth({ tokenTtlS: 4 });
    const g = await gatewayWith(clientCredentials());
    const burst = async () => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => g.gql(DASHBOARD, { msisdn: line() })),
      );
      for (const res of answers) expect(res.errors).toBeUndefined();
    };
    // 48 calls at once, and no token yet: they all wait for one token request.
    await burst();
    expect((await auth()).tokens.issued).toBe(1);
    // Past the token's lifetime: the next burst needs a new token, and asks for one only.
    await new Promise((resolve) => setTimeout(resolve, 4100));
    await burst();
    const seen = await auth();
    expect(seen.tokens.issued).toBe(2);
    // Renewed before the Sandbox had to refuse a call with an expired token.
    expect(seen.refusedCalls).toBe(0);
    const answered = Object.values(await calls()).reduce((a, b) => a + b, 0);
    expect(answered).toBe(2 * 8 * 6);
  });

  it('an upstream 401 renews the token once and tries the read once more', async () => {
    const g = await gatewayWith(clientCredentials());
    expect((await g.gql(STATUS, { m: line() })).errors).toBeUndefined();
    // The authorization server forgets its tokens: the gateway's cached one is refused.
    expect((await sandbox.request('DELETE', '/__sandbox/tokens')).status).toBe(204);
    await sandbox.request('DELETE', '/__sandbox/stats');
    const res = await g.gql(STATUS, { m: line() });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ subscriber: { status: { code: 'ACTIVE' } } });
    const seen = await auth();
    expect(seen.refusedCalls).toBe(1);
    expect(seen.tokens.issued).toBe(1);
    expect(await calls()).toEqual({ GetStatusOfSubscriberByMSISDN: 1 });
    const [refused, retried] = seen.calls.map((c) => c.headers.authorization);
    expect(retried).not.toBe(refused);
  });

  it('an upstream 401 on a write: renewed and sent once more, applied exactly once', async () => {
    const g = await gatewayWith(clientCredentials());
    const msisdn = sandbox.demo.active.msisdn;
    const favorites = async () =>
      (
        await g.gql<{ subscriber: { favorites: { phoneNumber: string }[] } }>(
          'query ($m: MSISDN!) { subscriber(msisdn: $m) { favorites { phoneNumber } } }',
          { m: msisdn },
        )
      ).data?.subscriber.favorites.map((f) => f.phoneNumber) ?? [];
    const before = await favorites();
    expect(before.length).toBeLessThan(5);
    await sandbox.request('DELETE', '/__sandbox/tokens');
    await sandbox.request('DELETE', '/__sandbox/stats');
    const res = await g.gql('mutation ($i: AddFavoriteInput!) { addFavorite(input: $i) { response } }', {
      i: { msisdn, phoneNumber: '50431234599' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ addFavorite: { response: 'ADDED' } });
    expect((await auth()).refusedCalls).toBe(1);
    expect((await calls()).AddFavoriteNumberByMSISDN).toBe(1);
    expect(await favorites()).toEqual([...before, '50431234599']);
    await g.gql('mutation ($i: RemoveFavoriteInput!) { removeFavorite(input: $i) { response } }', {
      i: { msisdn, phoneNumber: '50431234599' },
    });
  });

  it('a rotated secret: a 401 that outlives one renewal is UPSTREAM_AUTH_FAILED after exactly one retry; the new secret works', async () => {
    const old = await gatewayWith(clientCredentials());
    expect((await old.gql(STATUS, { m: line() })).errors).toBeUndefined();
    await setAuth({ clientSecret: 'rotated-secret-31f0' });
    await sandbox.request('DELETE', '/__sandbox/tokens');
    await sandbox.request('DELETE', '/__sandbox/stats');
    const refused = await old.gql(STATUS, { m: line() });
    expect(codes(refused)).toEqual(['UPSTREAM_AUTH_FAILED']);
    const seen = await auth();
    expect(seen.refusedCalls).toBe(1);
    expect(seen.tokens).toMatchObject({ issued: 0, refused: 1 });

    const renewed = await gatewayWith(clientCredentials({ clientSecret: 'rotated-secret-31f0' }));
    expect((await renewed.gql(DASHBOARD, { msisdn: line() })).errors).toBeUndefined();
  });
});

describe('UPSTREAM_AUTH=headers and forward', () => {
  beforeEach(() => setAuth({ requireAuth: false }));

  it('headers: every call carries the configured headers', async () => {
    const g = await gatewayWith(
      mode('headers', { headers: { 'x-api-key': 'key-5d2a', 'x-tenant': 'tigo-hn' } }),
    );
    expect((await g.gql(DASHBOARD, { msisdn: line() })).errors).toBeUndefined();
    const seen = (await auth()).calls;
    expect(seen).toHaveLength(6);
    for (const call of seen)
      expect(call.headers).toMatchObject({ 'x-api-key': 'key-5d2a', 'x-tenant': 'tigo-hn' });
  });

  it("forward: each call carries its caller's own token", async () => {
    const g = await gatewayWith(mode('forward'));
    const other = `Bearer ${await g.token({ agent: 'other-agent' })}`;
    expect((await g.gql(STATUS, { m: line() })).errors).toBeUndefined();
    expect((await g.gql(STATUS, { m: line() }, other)).errors).toBeUndefined();
    expect((await auth()).calls.map((c) => c.headers.authorization)).toEqual([g.agent, other]);
  });

  describe('forward and the shared HTTP cache', () => {
    // An intermediary that marks every answer `max-age=60`, public or not: without the caller's
    // token in the request, a shared cache may keep and share such an answer (RFC 9111 §3.5).
    let proxy: Server;
    let proxyUrl: string;
    beforeAll(async () => {
      proxy = createServer(async (req, res) => {
        const upstream = await fetch(sandbox.url + req.url, {
          headers: req.headers.authorization ? { authorization: req.headers.authorization } : {},
        });
        const body = await upstream.text();
        res.writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
          'cache-control': upstream.ok ? 'max-age=60' : 'no-store',
        });
        res.end(body);
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => proxy.close(resolve)));

    it.each([
      // Not public, asked with a caller's token: never stored, so every caller's call goes upstream.
      ['forward', 3],
      // The gateway's one identity (none here): the answer may be kept, and serves all three.
      ['none', 1],
    ] as const)('%s: three callers, %i upstream calls', async (m, upstreamCalls) => {
      const g = await gatewayWith(mode(m), { cache: true }, proxyUrl);
      const other = `Bearer ${await g.token({ agent: 'other-agent' })}`;
      for (const who of [g.agent, other, g.agent])
        expect((await g.gql(STATUS, { m: line() }, who)).errors).toBeUndefined();
      expect(await calls()).toEqual({ GetStatusOfSubscriberByMSISDN: upstreamCalls });
    });
  });
});

describe("the Sandbox's token endpoint (RFC 6749 §4.4, §5.2)", () => {
  const basic = (id: string, secret: string) =>
    `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
  const ask = (body: string, headers: Record<string, string> = FORM) =>
    sandbox.request<Record<string, unknown>>('POST', '/oauth/token', { headers, body });

  it('issues an expiring Bearer token to the client by Basic or by form, never cached', async () => {
    for (const [headers, body] of [
      [{ ...FORM, authorization: basic(CLIENT_ID, SECRET) }, 'grant_type=client_credentials&scope=a+b'],
      [FORM, `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${SECRET}&scope=a+b`],
    ] as const) {
      const res = await ask(body, headers);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        access_token: expect.stringMatching(/^[\w-]{40,}$/),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'a b',
      });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it.each([
    [
      'a wrong secret by Basic',
      { ...FORM, authorization: basic(CLIENT_ID, 'nope') },
      'grant_type=client_credentials',
      401,
      'invalid_client',
    ],
    [
      'an unknown client by form',
      FORM,
      'grant_type=client_credentials&client_id=x&client_secret=y',
      401,
      'invalid_client',
    ],
    ['no client authentication', FORM, 'grant_type=client_credentials', 401, 'invalid_client'],
    [
      'two authentication methods',
      { ...FORM, authorization: basic(CLIENT_ID, SECRET) },
      `grant_type=client_credentials&client_secret=${SECRET}`,
      400,
      'invalid_request',
    ],
    [
      'another grant type',
      { ...FORM, authorization: basic(CLIENT_ID, SECRET) },
      'grant_type=password',
      400,
      'unsupported_grant_type',
    ],
    ['no grant type', { ...FORM, authorization: basic(CLIENT_ID, SECRET) }, '', 400, 'invalid_request'],
    [
      'a JSON body',
      { 'content-type': 'application/json', authorization: basic(CLIENT_ID, SECRET) },
      '{"grant_type":"client_credentials"}',
      400,
      'invalid_request',
    ],
  ])('refuses %s: %i %s', async (_, headers, body, status, error) => {
    const res = await ask(body, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, error_description: expect.any(String) });
    if ('authorization' in headers && status === 401)
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('answers 405 to a GET', async () => {
    const res = await sandbox.request('GET', '/oauth/token');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it("requires a token on every operation: 401 with the operation's error body, and an expired token is refused", async () => {
    const none = await sandbox.call('GetStatusOfSubscriberByMSISDN', { msisdn: line() });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ code: 401, message: 'A Bearer token from /oauth/token is required' });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const usage = await sandbox.call('GetDataUsageByMSISDNPerHourAndApp', {
      msisdn: line(),
      headers: { authorization: 'Bearer made-up' },
    });
    expect(usage.status).toBe(401);
    expect(usage.body).toMatchObject({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message: 'The access token is not valid',
    });

    await setAuth({ tokenTtlS: 1 });
    const issued = await ask('grant_type=client_credentials', {
      ...FORM,
      authorization: basic(CLIENT_ID, SECRET),
    });
    const authorization = `Bearer ${issued.body.access_token}`;
    expect(
      (await sandbox.call('GetStatusOfSubscriberByMSISDN', { msisdn: line(), headers: { authorization } }))
        .status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const late = await sandbox.call('GetStatusOfSubscriberByMSISDN', {
      msisdn: line(),
      headers: { authorization },
    });
    expect(late.status).toBe(401);
    expect(late.body).toEqual({ code: 401, message: 'The access token has expired' });
  });

  it('refuses control settings that are not auth settings', async () => {
    const res = await sandbox.request('PUT', '/__sandbox/auth', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokenTtlS: 0, secret: 'x' }),
    });
    expect(res.status).toBe(400);
    expect((await auth()).tokenTtlS).toBe(3600);
  });
});

describe('secrets stay secret', () => {
  it('neither the client secret nor a token shows in logs, /metrics, /health, or errors of `npm start`', async () => {
    const port = await freePort();
    const secret = 'proc-secret-71be0c2d';
    const child = spawn(process.execPath, ['src/main.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'trace',
        AUTH_DEV_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'selfcare-creds-key-')), 'jwk.json'),
        SANDBOX_PORT: String(port),
        SANDBOX_SUBSCRIBERS: '100',
        SANDBOX_REQUIRE_AUTH: 'true',
        SANDBOX_CLIENT_ID: 'gw',
        SANDBOX_CLIENT_SECRET: secret,
        UPSTREAM_AUTH: 'client_credentials',
        UPSTREAM_TOKEN_URL: `http://127.0.0.1:${port}/oauth/token`,
        UPSTREAM_CLIENT_ID: 'gw',
        UPSTREAM_CLIENT_SECRET: secret,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const [, graphql, token] = await new Promise<RegExpMatchArray>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = output.match(/GraphQL at (\S+\/graphql)[\s\S]*Authorization: Bearer (\S+)/);
          if (match) resolve(match);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const base = (graphql as string).replace('/graphql', '');
      const sandboxUrl = `http://127.0.0.1:${port}`;
      const { msisdn } = (
        (await (await fetch(`${sandboxUrl}/__sandbox/demo`)).json()) as Record<string, { msisdn: string }>
      ).active as { msisdn: string };
      const ask = async () =>
        (
          await fetch(graphql as string, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: DASHBOARD, variables: { msisdn } }),
          })
        ).text();
      const answers = [await ask()];
      expect(JSON.parse(answers[0] as string).errors).toBeUndefined();
      // The secret is rotated and the tokens forgotten: every answer is now a credentials failure.
      await fetch(`${sandboxUrl}/__sandbox/auth`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientSecret: 'another' }),
      });
      await fetch(`${sandboxUrl}/__sandbox/tokens`, { method: 'DELETE' });
      answers.push(await ask());
      expect(answers[1]).toMatch(/UPSTREAM_AUTH_FAILED/);
      const rest = await fetch(`${base}${BASE_PATH}/hn/billing/subscribers/${msisdn}/status`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(rest.status).toBe(502);
      answers.push(await rest.text());
      for (const path of ['/metrics', '/health/ready', '/health/live'])
        answers.push(await (await fetch(base + path)).text());
      expect(answers.at(-3)).toMatch(/gateway_upstream_request_duration_seconds_count\{[^}]*outcome="auth"/);

      const issued = ((await (await fetch(`${sandboxUrl}/__sandbox/auth`)).json()) as AuthView).calls
        .map((c) => c.headers.authorization?.replace(/^Bearer /, ''))
        .filter((t): t is string => Boolean(t));
      expect(issued.length).toBeGreaterThan(0);
      child.kill('SIGTERM');
      await exited;
      const everything = [output, ...answers].join('\n');
      expect(output).toMatch(/"level":/); // the logs were on
      for (const needle of [secret, Buffer.from(`gw:${secret}`).toString('base64'), ...new Set(issued)]) {
        expect(everything.includes(needle), `found ${needle.slice(0, 6)}…`).toBe(false);
      }
    } finally {
      child.kill('SIGTERM');
    }
  });
});

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}
