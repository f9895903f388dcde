// Idempotency-Key on writes, GraphQL and REST: a client's retry with the same key gets the first
// answer again (`idempotent-replayed: true`) and the upstream sees the write once; the same key with
// another request is 422; while the first is still running, 409 with Retry-After; a malformed key is
// 400; keys are scoped by the token's subject. Checked against the sandbox's rows and call counts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Raw, raw } from '../helpers/raw.ts';
import { lineTaker, plainLine } from '../helpers/sandbox.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack({ sandbox: { subscribers: 1000 }, config: { limits: { rateLimit: 1_000_000 } } });
});
afterAll(() => s.close());
beforeEach(() => s.resetUpstreamCalls());
afterEach(async () => {
  await s.upstream.request('DELETE', '/__sandbox/faults');
});

const freshLine = lineTaker(() => s.upstream.sandbox);

let counter = 0;
/** A key no other test uses. */
const newKey = () => `test-key:${Date.now()}.${++counter}`;

const db = () => s.upstream.sandbox.db;
const offersOf = (msisdn: string): string[] =>
  (
    db().prepare('SELECT offer_id FROM acquired_offers WHERE msisdn = ? ORDER BY offer_id').all(msisdn) as {
      offer_id: string;
    }[]
  ).map((r) => r.offer_id);
const favoritesOf = (msisdn: string): string[] =>
  (
    db().prepare('SELECT phone_number FROM favorites WHERE msisdn = ? ORDER BY added_at').all(msisdn) as {
      phone_number: string;
    }[]
  ).map((r) => r.phone_number);
const simStatus = (msisdn: string) =>
  (db().prepare('SELECT sim_status FROM subscribers WHERE msisdn = ?').get(msisdn) as { sim_status: string })
    .sim_status;

const PURCHASE = `mutation Buy($m: MSISDN!, $o: ID!) {
  purchaseOffer(input: { msisdn: $m, offerId: $o }) { response message userErrors { code } subscriber { msisdn } }
}`;

/** A GraphQL POST with an Idempotency-Key (and, when given, another Authorization). */
const gql = async (
  query: string,
  variables: Record<string, unknown>,
  key: string | null,
  authorization?: string,
): Promise<Raw> =>
  raw(
    await s.fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key !== null && { 'idempotency-key': key }),
        ...(authorization && { authorization }),
      },
      body: JSON.stringify({ query, variables }),
    }),
  );
const purchase = (msisdn: string, offerId: string, key: string | null, authorization?: string) =>
  gql(PURCHASE, { m: msisdn, o: offerId }, key, authorization);

/** A REST request with an Idempotency-Key. */
const rest = async (
  method: string,
  path: string,
  key: string | null,
  body?: unknown,
  authorization?: string,
): Promise<Raw> =>
  raw(
    await s.fetch(`/v2/tigo/mobile/hn${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(key !== null && { 'idempotency-key': key }),
        ...(authorization && { authorization }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

/** The second answer is the first one, replayed. */
function expectReplay(first: Raw, second: Raw): void {
  expect(first.headers.get('idempotent-replayed')).toBeNull();
  expect(second.headers.get('idempotent-replayed')).toBe('true');
  expect({ status: second.status, text: second.text }).toEqual({ status: first.status, text: first.text });
  expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
}

describe('a retry with the same key replays the first answer; the upstream sees the write once', () => {
  it('GraphQL purchaseOffer', async () => {
    const m = freshLine();
    const key = newKey();
    expect(offersOf(m)).not.toContain('105');
    const first = await purchase(m, '105', key);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      data: {
        purchaseOffer: {
          response: 'ACQUIRED',
          message: expect.stringMatching(/^Offer 105 \(.+\) acquired for/),
          userErrors: [],
          subscriber: { msisdn: m },
        },
      },
    });
    expect(await s.upstreamCalls()).toEqual({ PurchaseOfferbyMSISDNandOfferId: 1 });
    await s.resetUpstreamCalls();

    const second = await purchase(m, '105', key);
    expectReplay(first, second);
    // Without the key, a second purchase would be refused: the offer is already active.
    expect(second.json.errors).toBeUndefined();
    expect(await s.upstreamCalls()).toEqual({});
    expect(offersOf(m).filter((o) => o === '105')).toHaveLength(1);

    const third = await purchase(m, '105', key);
    expectReplay(first, third);
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('REST POST acquiredoffers', async () => {
    const m = freshLine();
    const key = newKey();
    const before = offersOf(m);
    const first = await rest('POST', `/plans/subscribers/${m}/acquiredoffers/106`, key);
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ response: 'ACQUIRED', message: expect.stringMatching(/^Offer 106/) });
    await s.resetUpstreamCalls();

    const second = await rest('POST', `/plans/subscribers/${m}/acquiredoffers/106`, key);
    expectReplay(first, second);
    expect(await s.upstreamCalls()).toEqual({});
    expect(offersOf(m)).toEqual([...before, '106'].sort());
  });

  it('REST PUT status', async () => {
    const m = freshLine();
    const key = newKey();
    const body = { code: 'Blocked', assetType: 'SIM', updateReason: 'stolen' };
    const first = await rest('PUT', `/billing/subscribers/${m}/status`, key, body);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ code: 'Blocked', assetType: 'SIM' });
    expect(simStatus(m)).toBe('Blocked');
    // Someone else unblocks the line in between: a replay must not block it again.
    db().prepare("UPDATE subscribers SET sim_status = 'Active' WHERE msisdn = ?").run(m);
    await s.resetUpstreamCalls();

    const second = await rest('PUT', `/billing/subscribers/${m}/status`, key, body);
    expectReplay(first, second);
    expect(await s.upstreamCalls()).toEqual({});
    expect(simStatus(m)).toBe('Active');
  });

  it('REST DELETE favorite: the retry answers the first 200, not the 404 of a second delete', async () => {
    const m = freshLine((line) => favoritesOf(line).length > 0);
    const phone = favoritesOf(m)[0] as string;
    const key = newKey();

    const body = { PhoneNumber: phone };
    const first = await rest('DELETE', `/plans/subscribers/${m}/favorites/`, key, body);
    expect(first.status).toBe(200);
    expect(favoritesOf(m)).not.toContain(phone);
    const second = await rest('DELETE', `/plans/subscribers/${m}/favorites/`, key, body);
    expectReplay(first, second);
    expect(await s.upstreamCalls()).toEqual({ DeleteFavoriteNumberByMSISDN: 1 });

    // Without a key, the same delete reaches the upstream and is its 404 (the router sends the number
    // as the client wrote it, so there is no other spelling to look for).
    const again = await rest('DELETE', `/plans/subscribers/${m}/favorites/`, null, body);
    expect(again.status).toBe(404);
    expect(await s.upstreamCalls()).toEqual({ DeleteFavoriteNumberByMSISDN: 2 });
  });

  it('GraphQL addFavorite: a refused first answer (a userError) is what the retry gets too', async () => {
    const { msisdn } = s.upstream.demo.favoritesFull;
    const key = newKey();
    const ADD =
      'mutation Add($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50431119902" }) { response userErrors { code } } }';
    const first = await gql(ADD, { m: msisdn }, key);
    expect(first.json.data).toEqual({
      addFavorite: { response: null, userErrors: [{ code: 'LIMIT_REACHED' }] },
    });
    const second = await gql(ADD, { m: msisdn }, key);
    expectReplay(first, second);
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1 });
  });
});

describe('the same key with another request is 422, and nothing is written', () => {
  it('GraphQL: another offer', async () => {
    const m = freshLine();
    const key = newKey();
    expect((await purchase(m, '105', key)).status).toBe(200);
    await s.resetUpstreamCalls();
    const other = await purchase(m, '106', key);
    expect(other.status).toBe(422);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.json).toEqual({
      errors: [
        {
          message: 'This Idempotency-Key was used with another request',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(await s.upstreamCalls()).toEqual({});
    expect(offersOf(m)).not.toContain('106');
  });

  it('REST: another offer in the path, or another body', async () => {
    const m = freshLine((line) => favoritesOf(line).length < 5);
    const key = newKey();
    expect((await rest('POST', `/plans/subscribers/${m}/acquiredoffers/105`, key)).status).toBe(201);
    await s.resetUpstreamCalls();
    const other = await rest('POST', `/plans/subscribers/${m}/acquiredoffers/106`, key);
    expect(other.status).toBe(422);
    expect(other.json).toEqual({ code: 422, message: 'This Idempotency-Key was used with another request' });
    expect(offersOf(m)).not.toContain('106');

    const favKey = newKey();
    expect(
      (await rest('POST', `/plans/subscribers/${m}/favorites/`, favKey, { PhoneNumber: '50431119903' }))
        .status,
    ).toBe(201);
    const otherBody = await rest('POST', `/plans/subscribers/${m}/favorites/`, favKey, {
      PhoneNumber: '50431119904',
    });
    expect(otherBody.status).toBe(422);
    expect(favoritesOf(m)).toContain('50431119903');
    expect(favoritesOf(m)).not.toContain('50431119904');
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1 });
  });
});

describe('keys are scoped by the token subject', () => {
  it("two subscribers' tokens with the same key: both writes apply", async () => {
    const [a, b] = [freshLine(), freshLine()];
    const key = newKey();
    const tokenA = `Bearer ${await s.token({ msisdn: a, country: 'hn' })}`;
    const tokenB = `Bearer ${await s.token({ msisdn: b, country: 'hn' })}`;
    const first = await purchase(a, '105', key, tokenA);
    const second = await purchase(b, '105', key, tokenB);
    for (const res of [first, second]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
      expect((res.json.data as { purchaseOffer: { response: string } }).purchaseOffer.response).toBe(
        'ACQUIRED',
      );
    }
    expect(await s.upstreamCalls()).toEqual({ PurchaseOfferbyMSISDNandOfferId: 2 });
    expect(offersOf(a)).toContain('105');
    expect(offersOf(b)).toContain('105');
  });

  it('two agents with the same key and the same request: the second is not a replay of the first', async () => {
    const m = freshLine();
    const key = newKey();
    const alice = `Bearer ${await s.token({ agent: 'alice' })}`;
    const bob = `Bearer ${await s.token({ agent: 'bob' })}`;
    const first = await purchase(m, '201', key, alice);
    expect((first.json.data as { purchaseOffer: { response: string } }).purchaseOffer.response).toBe(
      'ACQUIRED',
    );
    const second = await purchase(m, '201', key, bob);
    // Bob's request reached the upstream, which refuses a second purchase of an active offer.
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.json.data).toMatchObject({
      purchaseOffer: { response: null, userErrors: [{ code: 'ALREADY_ACTIVE' }] },
    });
    expect(await s.upstreamCalls()).toEqual({ PurchaseOfferbyMSISDNandOfferId: 2 });
    // Alice's retry is still a replay of hers.
    expectReplay(first, await purchase(m, '201', key, alice));
    expect(offersOf(m).filter((o) => o === '201')).toHaveLength(1);
  });
});

describe('a duplicate while the first is still running', () => {
  it.each(['graphql', 'rest'])(
    '%s: 409 with Retry-After; the upstream sees the write once; later, a replay',
    async (surface) => {
      const m = freshLine();
      const key = newKey();
      const send = () =>
        surface === 'graphql'
          ? purchase(m, '105', key)
          : rest('POST', `/plans/subscribers/${m}/acquiredoffers/105`, key);
      await s.setFaults({ operations: { PurchaseOfferbyMSISDNandOfferId: { latencyMs: 500 } } });

      const first = send();
      await expect.poll(async () => (await s.upstreamCalls()).PurchaseOfferbyMSISDNandOfferId).toBe(1);
      const duplicate = await send();
      expect(duplicate.status).toBe(409);
      expect(duplicate.headers.get('retry-after')).toBe('1');
      expect(duplicate.headers.get('idempotent-replayed')).toBeNull();
      expect(duplicate.json).toEqual(
        surface === 'graphql'
          ? {
              errors: [
                {
                  message: 'A request with this Idempotency-Key is still in progress',
                  extensions: { code: 'CONFLICT' },
                },
              ],
            }
          : { code: 409, message: 'A request with this Idempotency-Key is still in progress' },
      );

      const done = await first;
      expect(done.status).toBe(surface === 'graphql' ? 200 : 201);
      expect(await s.upstreamCalls()).toEqual({ PurchaseOfferbyMSISDNandOfferId: 1 });
      expect(offersOf(m).filter((o) => o === '105')).toHaveLength(1);
      expectReplay(done, await send());
      expect(await s.upstreamCalls()).toEqual({ PurchaseOfferbyMSISDNandOfferId: 1 });
    },
  );
});

describe('malformed keys', () => {
  it.each([
    ['too short', 'short'],
    ['too long', 'k'.repeat(129)],
    ['with a space', 'has a space'],
    ['with a slash', 'abc/defgh'],
  ])('a key %s is 400 on GraphQL and REST, with no upstream call', async (_, key) => {
    const m = freshLine();
    const g = await purchase(m, '105', key);
    expect(g.status).toBe(400);
    expect(g.json).toEqual({
      errors: [
        {
          message: 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    const r = await rest('POST', `/plans/subscribers/${m}/acquiredoffers/105`, key);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      code: 400,
      message: 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -',
    });
    expect(await s.upstreamCalls()).toEqual({});
    expect(offersOf(m)).not.toContain('105');
  });

  it.each([
    ['8 characters', 'abcd1234'],
    ['128 characters', `${'a'.repeat(120)}.:_-1234`],
  ])('a key of %s is accepted', async (_, key) => {
    const m = freshLine();
    const first = await purchase(m, '105', key);
    expect(first.status).toBe(200);
    expectReplay(first, await purchase(m, '105', key));
  });
});

describe('a key on a read is ignored', () => {
  it('REST GET: each request reaches the upstream, no replay header', async () => {
    const m = freshLine();
    const key = newKey();
    for (let i = 0; i < 2; i++) {
      const res = await rest('GET', `/billing/subscribers/${m}/status`, key);
      expect(res.status).toBe(200);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 2 });
  });

  it('GraphQL GET of a query: each request reaches the upstream, no replay header', async () => {
    const m = freshLine();
    const key = newKey();
    const query = encodeURIComponent(`{ line(msisdn: "${m}") { status { code } } }`);
    for (let i = 0; i < 2; i++) {
      const res = await s.fetch(`/graphql?query=${query}`, {
        headers: { 'idempotency-key': key, 'apollo-require-preflight': 'true' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
      expect(await res.json()).toEqual({ data: { line: { status: { code: 'ACTIVE' } } } });
    }
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 2 });
  });
  // hook never looks at the GraphQL operation), so a GraphQL *query* POSTed twice with one
  // Idempotency-Key is answered the second time from the idempotency store: the first answer (stale
  // state) with `idempotent-replayed: true` and no upstream call. Expected (per the brief): a key on a
  // query is ignored: both requests reach the upstream and neither carries the replay header.
  it('GraphQL POST of a query: each request reaches the upstream, no replay header', async () => {
    const m = freshLine();
    const key = newKey();
    const STATUS = 'query Status($m: MSISDN!) { line(msisdn: $m) { status { code } } }';
    const first = await gql(STATUS, { m }, key);
    db().prepare("UPDATE subscribers SET sim_status = 'Blocked' WHERE msisdn = ?").run(m);
    const second = await gql(STATUS, { m }, key);
    expect(first.json).toEqual({ data: { line: { status: { code: 'ACTIVE' } } } });
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.json).toEqual({ data: { line: { status: { code: 'BLOCKED' } } } });
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 2 });
  });
});

describe('keys expire after IDEMPOTENCY_TTL_MS', () => {
  let short: Stack;
  beforeAll(async () => {
    short = await startStack({ config: { idempotencyTtlMs: 60_000 } });
  });
  afterAll(() => short.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('within the TTL the key replays; past it, the same key and request is a new write', async () => {
    const m = plainLine(short.upstream.sandbox);
    const key = newKey();
    const send = async () =>
      raw(
        await short.fetch(`/v2/tigo/mobile/hn/plans/subscribers/${m}/acquiredoffers/105`, {
          method: 'POST',
          headers: { 'idempotency-key': key },
        }),
      );
    const first = await send();
    expect(first.status).toBe(201);
    // The store reads its clock through Date: fake Date alone, in this process.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 30_000 });
    expectReplay(first, await send());
    vi.setSystemTime(Date.now() + 31_000);
    await short.resetUpstreamCalls();
    const later = await send();
    // A new write: it reaches the upstream, which refuses a second purchase of an active offer.
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.status).toBe(403);
    expect(await short.upstreamCalls()).toEqual({ PurchaseOfferbyMSISDNandOfferId: 1 });
  });
});
