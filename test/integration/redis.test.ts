// Two gateway replicas on one upstream and one real redis-server behave as one: an Idempotency-Key,
// a cached catalog, a persisted query and the rate limit hold across both; Redis stopping mid-test
// loses no write and hangs nothing.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDevKey } from '../../src/auth/keys.ts';
import { signDevToken } from '../../src/auth/tokens.ts';
import { BASE_PATH } from '../../src/contract/requests.ts';
import { createGateway, type Gateway } from '../../src/http/server.ts';
import { connectShared, type SharedState } from '../../src/shared/redis.ts';
import { haveRedis, startRedis, type TestRedis } from '../helpers/redis.ts';
import { plainLine, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import { testConfig } from '../helpers/stack.ts';

const missing = !haveRedis() && !process.env.CI;
if (missing)
  console.warn('Redis tests skipped: /usr/bin/redis-server is missing (apt-get install redis-server)');

interface Replica {
  gateway: Gateway;
  shared: SharedState;
  url: string;
}

describe.skipIf(missing)('two replicas sharing Redis', () => {
  let redis: TestRedis;
  let upstream: TestSandbox;
  let a: Replica;
  let b: Replica;
  let authorization: string;
  const config = testConfig({ limits: { rateLimit: 8 } });

  const replica = async (): Promise<Replica> => {
    const shared = await connectShared(redis.url);
    for (let i = 0; i < 50 && !shared.up(); i++) await new Promise((r) => setTimeout(r, 20));
    const gateway = await createGateway({
      config,
      upstreamUrl: `${upstream.url}${BASE_PATH}/{country}`,
      shared,
    });
    return { gateway, shared, url: await gateway.listen(0, '127.0.0.1') };
  };

  const post = (r: Replica, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${r.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, ...headers },
      body: JSON.stringify(body),
    });
  const calls = async () =>
    ((await upstream.request('GET', '/__sandbox/stats')).body as { operations: Record<string, number> })
      .operations;
  const reset = () => upstream.request('DELETE', '/__sandbox/stats');
  const owned = (msisdn: string) =>
    (
      upstream.sandbox.db.prepare('SELECT offer_id FROM acquired_offers WHERE msisdn = ?').all(msisdn) as {
        offer_id: string;
      }[]
    ).map((r) => r.offer_id);

  beforeAll(async () => {
    redis = await startRedis();
    upstream = await startSandbox({ subscribers: 300 });
    a = await replica();
    b = await replica();
    const key = await loadDevKey(config.auth.devKeyFile);
    authorization = `Bearer ${await signDevToken(key, config.auth, { agent: 'replicas' })}`;
  });
  afterAll(async () => {
    for (const r of [a, b]) {
      await r?.gateway.close();
      await r?.shared.close();
    }

    await upstream?.close();
    await redis?.stop();
  });

  it('both replicas see Redis up, in /health/ready and /metrics', async () => {
    for (const r of [a, b]) {
      const ready = (await (await fetch(`${r.url}/health/ready`)).json()) as { redis: boolean };
      expect(ready.redis).toBe(true);
      expect(await (await fetch(`${r.url}/metrics`)).text()).toMatch(/^gateway_shared_state_up 1$/m);
    }
  });

  it('applies a purchase retried on the other replica with the same Idempotency-Key once', async () => {
    const msisdn = plainLine(upstream.sandbox, 'hn', 0);
    const before = owned(msisdn);
    const body = {
      query: `mutation { purchaseOffer(input: { msisdn: "${msisdn}", offerId: "106" }) { response message } }`,
    };
    const key = { 'idempotency-key': `replicas-${randomUUID()}` };
    await reset();
    const first = await post(a, body, key);
    const retry = await post(b, body, key);
    expect(first.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(owned(msisdn)).toEqual([...before, '106']);
    expect(await calls()).toEqual({ PurchaseOfferbyMSISDNandOfferId: 1 });
    const other = await post(b, { query: body.query.replace('"106"', '"105"') }, key);
    expect(other.status).toBe(422);
  });

  it('serves a catalog cached by one replica from the other with no upstream call', async () => {
    const msisdn = plainLine(upstream.sandbox, 'hn', 1);
    const query = { query: `{ line(msisdn: "${msisdn}") { offers { id } } }` };
    await reset();
    const fromA = (await (await post(a, query)).json()) as { data: unknown };
    const fromB = (await (await post(b, query)).json()) as { data: unknown };
    expect(fromB.data).toEqual(fromA.data);
    expect(await calls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
  });

  it('knows a persisted query registered on one replica on the other', async () => {
    const query = `{ line(msisdn: "${plainLine(upstream.sandbox, 'hn', 2)}") { msisdn } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const unknown = (await (await post(b, { extensions: { persistedQuery } })).json()) as {
      errors?: { extensions?: { code?: string } }[];
    };
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(a, { query, extensions: { persistedQuery } })).status).toBe(200);
    const byHash = (await (await post(b, { extensions: { persistedQuery } })).json()) as { data?: unknown };
    expect(byHash.data).toEqual({ line: { msisdn: expect.any(String) } });
  });

  it('counts the rate limit across both replicas', async () => {
    const limited = `Bearer ${await signDevToken(await loadDevKey(config.auth.devKeyFile), config.auth, { agent: `limit-${randomUUID()}` })}`;
    const query = { query: '{ me { msisdn } }' };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const replicaUsed = i % 2 === 0 ? a : b;
      statuses.push((await post(replicaUsed, query, { authorization: limited })).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses.slice(8)).toEqual([429, 429]);
  });

  it('keeps answering and loses no write when Redis stops mid-test', async () => {
    const msisdn = plainLine(upstream.sandbox, 'hn', 3);
    await redis.stop();
    for (let i = 0; i < 50 && (a.shared.up() || b.shared.up()); i++)
      await new Promise((r) => setTimeout(r, 20));
    const before = owned(msisdn);
    const body = {
      query: `mutation { purchaseOffer(input: { msisdn: "${msisdn}", offerId: "105" }) { response } }`,
    };
    const key = { 'idempotency-key': `down-${randomUUID()}` };
    const first = await post(a, body, key);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { data: unknown }).data).toEqual({
      purchaseOffer: { response: 'ACQUIRED' },
    });
    // The same replica still holds the key in its own memory: a retry there is replayed.
    expect((await post(a, body, key)).headers.get('idempotent-replayed')).toBe('true');
    expect(owned(msisdn)).toEqual([...before, '105']);
    // Reads go on without the shared cache.
    const read = (await (
      await post(b, { query: `{ line(msisdn: "${msisdn}") { status { code } offers { id } } }` })
    ).json()) as {
      data: { line: { status: { code: string } } };
    };
    expect(read.data.line.status.code).toBe('ACTIVE');
    const ready = (await (await fetch(`${b.url}/health/ready`)).json()) as { status: string; redis: boolean };
    expect(ready).toMatchObject({ status: 'ready', redis: false });
    expect(await (await fetch(`${b.url}/metrics`)).text()).toMatch(/^gateway_shared_state_up 0$/m);
  });
});
