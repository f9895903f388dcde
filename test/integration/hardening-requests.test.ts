// Issue 15, findings 2, 3, 4, 7, 8, 9 and 10: each attack as it was found, against a real gateway
// over the Sandbox. Every test here failed on the code before the fix.
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DevKey, loadDevKey } from '../../src/auth/keys.ts';
import { type Raw, raw } from '../helpers/raw.ts';
import { lineTaker } from '../helpers/sandbox.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

let s: Stack;
let key: DevKey;
beforeAll(async () => {
  s = await startStack({ config: { limits: { rateLimit: 1_000_000 } } });
  key = await loadDevKey(s.config.auth.devKeyFile);
});
afterAll(() => s.close());
beforeEach(() => s.resetUpstreamCalls());

const freshLine = lineTaker(() => s.upstream.sandbox);
let counter = 0;
const newKey = () => `hardening:${Date.now()}.${++counter}`;

/** A token of this stack's key with exactly these claims (and exp unless `exp` is false). */
const sign = (claims: Record<string, unknown>, { exp = '1h' as string | number | false } = {}) => {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(s.config.auth.issuer)
    .setAudience(s.config.auth.audience)
    .setIssuedAt();
  return (exp === false ? jwt : jwt.setExpirationTime(exp)).sign(key.privateKey);
};

const codes = (answer: Raw) =>
  ((answer.json.errors ?? []) as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code);

const PURCHASE = `mutation Buy($m: MSISDN!, $o: ID!) {
  purchaseOffer(input: { msisdn: $m, offerId: $o }) { response message subscriber { msisdn } }
}`;
/** Sends a purchase document as a GraphQL POST with an Idempotency-Key. */
const postPurchase =
  (query: string) => async (msisdn: string, offerId: string, idemKey: string, token: string) =>
    raw(
      await s.fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': idemKey,
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query, variables: { m: msisdn, o: offerId } }),
      }),
    );
const purchase = postPurchase(PURCHASE);
// The same purchase with the line as written (the REST routes' spelling): it scopes the key alike.
const purchaseAsWritten = postPurchase(`mutation Buy($m: String!, $o: ID!) {
  purchaseOffer(input: { msisdnAsWritten: $m, offerId: $o }) { response message subscriber { msisdn } }
}`);
const restPurchase = async (msisdn: string, offerId: string, idemKey: string, token: string) =>
  raw(
    await s.fetch(`/v2/tigo/mobile/hn/plans/subscribers/${msisdn}/acquiredoffers/${offerId}`, {
      method: 'POST',
      headers: { 'idempotency-key': idemKey, authorization: `Bearer ${token}` },
    }),
  );

describe('2. an idempotency replay never crosses lines', () => {
  it.each([
    ['GraphQL', purchase],
    ['GraphQL, the line as written', purchaseAsWritten],
    ['REST', restPurchase],
  ])(
    '%s: a token of the same subject that may not reach the line gets its refusal, not the stored answer',
    async (_, send) => {
      const [a, b] = [freshLine(), freshLine()];
      const idemKey = newKey();
      // One person, two tokens: an agent's, and later a subscriber token of their own line B.
      const agent = await sign({ sub: 'person:7', scope: s.config.auth.agentScope });
      const own = await sign({ sub: 'person:7', msisdn: b, country: 'hn' });
      const first = await send(a, '105', idemKey, agent);
      expect(first.status).toBeLessThan(300);
      await s.resetUpstreamCalls();

      const replayed = await send(a, '105', idemKey, own);
      expect(replayed.headers.get('idempotent-replayed')).toBeNull();
      expect(replayed.text).not.toContain('ACQUIRED');
      if (send !== restPurchase) expect(codes(replayed)).toEqual(['FORBIDDEN']);
      else expect(replayed.status).toBe(403);
      expect(await s.upstreamCalls()).toEqual({});
    },
  );

  it("an agent's key on another line is that line's own write, not the first line's answer", async () => {
    const [a, b] = [freshLine(), freshLine()];
    const idemKey = newKey();
    const agent = await sign({ sub: 'agent:lines', scope: s.config.auth.agentScope });
    const first = await purchase(a, '105', idemKey, agent);
    const other = await purchase(b, '105', idemKey, agent);
    expect(other.status).toBe(200);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.json).toMatchObject({ data: { purchaseOffer: { subscriber: { msisdn: b } } } });
    expect(await s.upstreamCalls()).toEqual({ PurchaseOfferbyMSISDNandOfferId: 2 });
    // The first line's retry is still its own replay.
    const retry = await purchase(a, '105', idemKey, agent);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.text).toBe(first.text);
  });

  it("a key without `country` is scoped to the token's market, as the write is: a retry is replayed", async () => {
    const line = freshLine(undefined, 'gt');
    const idemKey = newKey();
    const token = await sign({ sub: `subscriber:${line}`, msisdn: line, country: 'gt' });
    const add = () =>
      s.fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': idemKey,
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({
          query: `mutation ($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50231110009" }) { userErrors { code } } }`,
          variables: { m: line },
        }),
      });
    const first = await raw(await add());
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ data: { addFavorite: { userErrors: [] } } });
    const retry = await raw(await add());
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.text).toBe(first.text);
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1 });
  });

  it('tokens without `sub` share no bucket: they are refused (401 UNAUTHENTICATED)', async () => {
    const [a, b] = [freshLine(), freshLine()];
    const idemKey = newKey();
    const tokenA = await sign({ msisdn: a, country: 'hn' });
    const tokenB = await sign({ msisdn: b, country: 'hn' });
    const first = await purchase(a, '105', idemKey, tokenA);
    const second = await purchase(a, '105', idemKey, tokenB);
    for (const answer of [first, second]) {
      expect(answer.status).toBe(401);
      expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.text).not.toContain('ACQUIRED');
    }
    expect(await s.upstreamCalls()).toEqual({});
  });
});

describe('3. deeply nested JSON is a 400, not a stack overflow', () => {
  it.each([
    ['arrays', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['objects', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
  ])('nested %s in the variables of a mutation with an Idempotency-Key', async (_, nested) => {
    const body = `{"query":${JSON.stringify(PURCHASE)},"variables":{"m":${nested(8_000)},"o":"105"}}`;
    const answer = await raw(
      await s.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        body,
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      errors: [
        { message: 'The JSON body is nested deeper than 32 levels', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    expect(await s.upstreamCalls()).toEqual({});
    expect((await s.fetch('/health/live')).status).toBe(200);
  });

  it('nesting within the limit, and brackets inside strings, are fine', async () => {
    const m = s.upstream.demo.active.msisdn;
    const nested = (n: number): unknown => (n === 0 ? m : [nested(n - 1)]);
    const answer = await s.gql(
      `# ${'[{'.repeat(100)}\nquery ($m: MSISDN!, $ms: [MSISDN!]!) {
      line(msisdn: $m) { msisdn }
      subscribers(msisdns: $ms) { msisdn }
    }`,
      { m, ms: nested(28) },
    );
    // Past the parser, GraphQL refuses the list nested too deeply for its type: a 400 of its own.
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await s.gql('query ($m: MSISDN!) { line(msisdn: $m) { msisdn } }', { m })).status).toBe(200);
  });
});

describe('4. a slow body is cut off', () => {
  let slow: Stack;
  beforeAll(async () => {
    slow = await startStack({ config: { requestTimeoutMs: 1000, headersTimeoutMs: 1000 } });
  });
  afterAll(() => slow.close());

  it('one byte at a time: 408 and the connection is closed; the gateway keeps answering', async () => {
    const { port } = new URL(slow.url);
    const seen = await new Promise<{ text: string; closed: boolean }>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      let sent = 0;
      const drip = setInterval(() => {
        if (!socket.destroyed && sent++ < 100) socket.write('{');
      }, 100);
      // Generous: Node checks open requests every quarter of the shorter timeout.
      const giveUp = setTimeout(() => finish(false), 10_000);
      const finish = (closed: boolean) => {
        clearInterval(drip);
        clearTimeout(giveUp);
        socket.destroy();
        resolve({ text, closed });
      };
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => finish(true));
      socket.on('error', () => undefined);
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 100\r\nAuthorization: ${slow.agentAuthorization}\r\n\r\n`,
      );
    });
    expect(seen.closed).toBe(true);
    expect(seen.text).toMatch(/^HTTP\/1\.1 408 /);
    expect((await slow.fetch('/health/live')).status).toBe(200);
    const answer = await slow.gql('query ($m: MSISDN!) { line(msisdn: $m) { msisdn } }', {
      m: slow.upstream.demo.active.msisdn,
    });
    expect(answer.status).toBe(200);
  });
});

describe('7. on REST the line in the path is the only line', () => {
  const hourly = (path: string, query: string) =>
    s.fetch(`/v2/tigo/mobile/hn/billing/subscribers/${path}/usage/data/hourlybyapp${query}`);

  it.each(['MSISDN', 'msisdn'])(
    '?%s= naming another line is a 400, and nothing reaches the upstream',
    async (name) => {
      const { active, blocked } = s.upstream.demo;
      const answer = await raw(await hourly(active.msisdn, `?${name}=${blocked.msisdn}`));
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.json)).toContain('differs from the line in the path');
      expect(await s.upstreamCalls()).toEqual({});
    },
  );

  it('a query naming the same line as the path is answered', async () => {
    const { active } = s.upstream.demo;
    const answer = await hourly(active.msisdn, `?MSISDN=${active.msisdn}`);
    expect(answer.status).toBe(200);
    expect(await s.upstreamCalls()).toEqual({ GetDataUsageByMSISDNPerHourAndApp: 1 });
  });
});

describe('8. tokens need `exp`; clock skew is bounded', () => {
  const read = (token: string) =>
    s.gql(
      'query ($m: MSISDN!) { line(msisdn: $m) { msisdn } }',
      { m: s.upstream.demo.active.msisdn },
      {
        authorization: `Bearer ${token}`,
      },
    );

  it('a token without exp is refused with UNAUTHENTICATED, on GraphQL and REST', async () => {
    const token = await sign({ sub: 'agent:forever', scope: s.config.auth.agentScope }, { exp: false });
    const answer = await read(token);
    expect(answer.status).toBe(401);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(answer.errors?.[0]?.message).toMatch(/exp/);
    const viaRest = await s.fetch(
      `/v2/tigo/mobile/hn/billing/subscribers/${s.upstream.demo.active.msisdn}/status`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(viaRest.status).toBe(401);
    expect(await s.upstreamCalls()).toEqual({});
  });

  it(`a token expired within AUTH_CLOCK_SKEW_S (30 s) passes; one expired longer ago does not`, async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'agent:skew', scope: s.config.auth.agentScope };
    expect((await read(await sign(claims, { exp: now - 10 }))).status).toBe(200);
    const late = await read(await sign(claims, { exp: now - 45 }));
    expect(late.status).toBe(401);
    expect(late.errors?.[0]?.message).toMatch(/expired/);
  });
});

describe('9. a malformed or mismatched persisted-query hash is 400 BAD_REQUEST', () => {
  const QUERY = 'query ($m: MSISDN!) { line(msisdn: $m) { msisdn } }';
  const send = async (extensions: unknown, query?: string) =>
    raw(
      await s.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { m: s.upstream.demo.active.msisdn }, extensions }),
      }),
    );
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  it.each([
    ['a hash of another query, with the query', { version: 1, sha256Hash: sha('{ me { msisdn } }') }, QUERY],
    ['a malformed hash, with the query', { version: 1, sha256Hash: 'not-a-hash' }, QUERY],
    ['a malformed hash alone', { version: 1, sha256Hash: 'zz' }, undefined],
    ['a hash that is a number', { version: 1, sha256Hash: 12 }, undefined],
    ['a hash that is an object', { version: 1, sha256Hash: { $gt: '' } }, undefined],
  ])('%s', async (_, persistedQuery, query) => {
    const answer = await send({ persistedQuery }, query);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('a well-formed unknown hash is still PERSISTED_QUERY_NOT_FOUND; the right one registers and runs', async () => {
    const unknown = await send({ persistedQuery: { version: 1, sha256Hash: sha(`${QUERY} `) } });
    expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await send({ persistedQuery: { version: 1, sha256Hash: sha(QUERY) } }, QUERY);
    expect(registered.status).toBe(200);
    const byHash = await send({ persistedQuery: { version: 1, sha256Hash: sha(QUERY) } });
    expect(byHash.json).toEqual({ data: { line: { msisdn: s.upstream.demo.active.msisdn } } });
  });
});

describe('10. failed authentications are limited per address; valid callers are not', () => {
  let f: Stack;
  beforeAll(async () => {
    f = await startStack({ config: { limits: { authFailureMax: 5, authFailureWindowMs: 60_000 } } });
  });
  afterAll(() => f.close());

  it('past AUTH_FAILURE_LIMIT_MAX failures: 429 with Retry-After; tokens seen valid still pass', async () => {
    const m = f.upstream.demo.active.msisdn;
    const read = (authorization: string) =>
      f.gql('query ($m: MSISDN!) { line(msisdn: $m) { msisdn } }', { m }, { authorization });
    // Valid requests from the same address do not count, however many.
    for (let i = 0; i < 20; i++) expect((await read(f.agentAuthorization)).status).toBe(200);
    // Requests without a token (an empty Authorization) cost no check and do not count.
    for (let i = 0; i < 10; i++)
      expect((await f.fetch('/graphql', { headers: { authorization: '' } })).status).toBe(401);
    const forged = `Bearer ${f.agentAuthorization.split(' ')[1]?.slice(0, -4)}AAAA`;
    for (let i = 0; i < 5; i++) expect((await read(forged)).status).toBe(401);
    const limited = await read(forged);
    expect(limited.status).toBe(429);
    expect(limited.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const viaRest = await f.fetch(`/v2/tigo/mobile/hn/billing/subscribers/${m}/status`, {
      headers: { authorization: forged },
    });
    expect(viaRest.status).toBe(429);
    // A request without a token is still told it needs one; the caller whose token was seen valid
    // is not locked out with the address.
    expect((await read('')).status).toBe(401);
    expect((await read(f.agentAuthorization)).status).toBe(200);
  });
});
