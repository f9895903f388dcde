// Who may reach which line: caller (no token, another subscriber's token, the line's own token, an
// agent's token) × every operation (the contract's 18 REST paths; every Query root field and all 8
// mutations of GraphQL). The gateway under test talks to the sandbox through a recording proxy, so
// "zero cross-subscriber reads or writes" is proved three ways: the sandbox's call counts, the
// upstream paths seen (which MSISDN each call addressed), and the sandbox's tables before and after.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DevKey, loadDevKey } from '../../src/auth/keys.ts';
import { signDevToken } from '../../src/auth/tokens.ts';
import { operations, validateResponse } from '../../src/contract/openapi.ts';
import type { OperationId } from '../../src/contract/wire.ts';
import type { Gateway } from '../../src/http/server.ts';
import { createLoaders } from '../../src/loaders/index.ts';
import type { UpstreamApi } from '../../src/upstream/client.ts';
import { gatewayOver, recordUpstream, type UpstreamRecorder } from '../helpers/auth-recorder.ts';
import { lineTaker, operationPath } from '../helpers/sandbox.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const run = promisify(execFile);

let s: Stack;
let recorder: UpstreamRecorder;
let gateway: Gateway;
let url: string;
let devKey: DevKey;
beforeAll(async () => {
  // A seed large enough for a fresh line per write and caller; the rate limit is lifted (this file
  // sends far more than a window's worth with one agent token).
  s = await startStack({ sandbox: { subscribers: 2000 }, config: { limits: { rateLimit: 1_000_000 } } });
  recorder = await recordUpstream(s.upstream.url);
  ({ gateway, url } = await gatewayOver(recorder, s.config));
  devKey = await loadDevKey(s.config.auth.devKeyFile);
});
afterAll(async () => {
  await gateway?.close();
  await recorder?.close();
  await s?.close();
});
beforeEach(async () => {
  await s.resetUpstreamCalls();
  recorder.reset();
});

// --- callers ----------------------------------------------------------------------------------------

const CALLERS = ['no token', "another subscriber's token", 'own token', 'agent token'] as const;
type Caller = (typeof CALLERS)[number];

const demo = () => s.upstream.demo;
/** The line of "another subscriber": a demo line no target of this file ever is. */
const other = () => demo().heavyUser.msisdn;

async function authorizationFor(caller: Caller, target: string): Promise<string | null> {
  switch (caller) {
    case 'no token':
      return null;
    case "another subscriber's token":
      return `Bearer ${await s.token({ msisdn: other() })}`;
    case 'own token':
      return `Bearer ${await s.token({ msisdn: target })}`;
    case 'agent token':
      return `Bearer ${await s.token({ agent: 'matrix' })}`;
  }
}

// --- requests to the gateway over the recorder ------------------------------------------------------

interface Reply {
  status: number;
  body: Record<string, unknown>;
  text: string;
  headers: Headers;
}

async function send(path: string, init: RequestInit, authorization: string | null): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (authorization !== null) headers.set('authorization', authorization);
  const res = await fetch(url + path, { ...init, headers });
  const text = await res.text();
  const json = res.headers.get('content-type')?.startsWith('application/json') && text !== '';
  return { status: res.status, body: json ? JSON.parse(text) : {}, text, headers: res.headers };
}

const gql = (query: string, variables: Record<string, unknown>, authorization: string | null) =>
  send(
    '/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    },
    authorization,
  );

interface RestRequest {
  msisdn: string;
  country?: string;
  offerId?: string;
  json?: unknown;
}

const opOf = (operationId: OperationId) => {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  return op;
};

const rest = (operationId: OperationId, req: RestRequest, authorization: string | null) =>
  send(
    operationPath(operationId, {
      msisdn: req.msisdn,
      country: req.country,
      path: { offerId: req.offerId ?? '104' },
    }),
    {
      method: opOf(operationId).method.toUpperCase(),
      ...(req.json !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(req.json),
      }),
    },
    authorization,
  );

type GqlError = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> };
const errorsOf = (reply: Reply) => (reply.body.errors ?? []) as GqlError[];
const dataOf = (reply: Reply) => reply.body.data as Record<string, unknown> | null | undefined;

// --- the sandbox's state and what reached it -------------------------------------------------------

const TABLES = [
  'subscribers',
  'favorites',
  'acquired_offers',
  'leases',
  'upgrade_requests',
  'subscription_requests',
];
/** Every row of every table a write may change, in a stable order. */
const snapshot = (): Record<string, string[]> =>
  Object.fromEntries(
    TABLES.map((table) => [
      table,
      (s.upstream.sandbox.db.prepare(`SELECT * FROM ${table}`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
const get = <T>(sql: string, ...params: string[]): T | undefined =>
  s.upstream.sandbox.db.prepare(sql).get(...params) as T | undefined;
const favoriteCount = (msisdn: string) =>
  (get<{ n: number }>('SELECT count(*) AS n FROM favorites WHERE msisdn = ?', msisdn) as { n: number }).n;
const favoritesOf = (msisdn: string) =>
  (
    s.upstream.sandbox.db
      .prepare('SELECT phone_number FROM favorites WHERE msisdn = ? ORDER BY added_at')
      .all(msisdn) as { phone_number: string }[]
  ).map((r) => r.phone_number);
const owns = (msisdn: string, offerId: string) =>
  get('SELECT 1 FROM acquired_offers WHERE msisdn = ? AND offer_id = ?', msisdn, offerId) !== undefined;
const planOf = (msisdn: string) =>
  (
    get<{ plan_id: string }>('SELECT plan_id FROM subscribers WHERE msisdn = ?', msisdn) as {
      plan_id: string;
    }
  ).plan_id;
const pending = (msisdn: string) =>
  get("SELECT 1 FROM upgrade_requests WHERE msisdn = ? AND status = 'PENDING'", msisdn) !== undefined;

const freshLine = lineTaker(() => s.upstream.sandbox);

/** The MSISDNs the upstream requests since the last reset addressed. */
const linesReached = () =>
  recorder.requests().map((r) => /\/subscribers\/(\d+)\//.exec(r)?.[1] ?? `(no line in ${r})`);

/** Nothing reached the upstream: no call counted by the sandbox, no request seen by the proxy. */
async function expectNoUpstream(label: string) {
  expect(await s.upstreamCalls(), `${label}: sandbox call counts`).toEqual({});
  expect(recorder.requests(), `${label}: upstream requests`).toEqual([]);
}

/**
 * Every upstream request addressed `msisdn`, and there were exactly `calls` (or, with `atMost`, no
 * more of those operations and no other: the gateway's HTTP cache may answer a public catalog).
 */
async function expectOnlyLine(label: string, msisdn: string, calls: Record<string, number>, atMost = false) {
  const counted = await s.upstreamCalls();
  if (atMost) {
    for (const [operationId, n] of Object.entries(counted)) {
      expect(n, `${label}: ${operationId} calls`).toBeLessThanOrEqual(calls[operationId] ?? 0);
    }
  } else {
    expect(counted, `${label}: sandbox call counts`).toEqual(calls);
  }
  const reached = linesReached();
  expect(reached, `${label}: lines reached`).toEqual(Array(reached.length).fill(msisdn));
  const total = Object.values(counted).reduce((a, b) => a + b, 0);
  expect(reached.length, `${label}: requests seen by the proxy vs counted by the sandbox`).toBe(total);
}

/** Puts the line in a state where `operationId` succeeds, straight on the sandbox (not counted). */
async function prepared(operationId: OperationId | 'removeFavorite' | 'cancelOffer', msisdn: string) {
  if (operationId === 'DeleteFavoriteNumberByMSISDN' || operationId === 'removeFavorite') {
    const r = await s.upstream.call('AddFavoriteNumberByMSISDN', {
      msisdn,
      body: { PhoneNumber: '50499880011' },
    });
    expect(r.status).toBe(201);
  }
  if (operationId === 'DeleteOfferbyMSISDNandOfferId' || operationId === 'cancelOffer') {
    const r = await s.upstream.call('PurchaseOfferbyMSISDNandOfferId', { msisdn, path: { offerId: '105' } });
    expect(r.status).toBe(201);
  }
  await s.resetUpstreamCalls();
  recorder.reset();
}

// --- REST: the 18 operations ---------------------------------------------------------------------

const ALL: OperationId[] = operations.map((o) => o.operationId);

/** A request each operation answers with success for the line's own token or an agent. */
const REST_CASES: Record<OperationId, () => Promise<RestRequest>> = {
  GetStatusOfSubscriberByMSISDN: async () => ({ msisdn: demo().active.msisdn }),
  UpdateStatusOfSubscriberByMSISDN: async () => ({
    msisdn: freshLine(),
    json: { code: 'Blocked', assetType: 'IMEI', updateReason: 'Robo de telefono' },
  }),
  GetDataUsageByMSISDNPerHourAndApp: async () => ({ msisdn: demo().active.msisdn }),
  GetDataUsagePercentageByMSISDNPerApp: async () => ({ msisdn: demo().active.msisdn }),
  GetFavoriteNumbersByMSISDN: async () => ({ msisdn: demo().active.msisdn }),
  AddFavoriteNumberByMSISDN: async () => ({
    msisdn: freshLine((m) => favoriteCount(m) < 5),
    json: { PhoneNumber: '50499887766', Label: 'Casa' },
  }),
  DeleteFavoriteNumberByMSISDN: async () => {
    const msisdn = freshLine((m) => favoriteCount(m) < 5);
    await prepared('DeleteFavoriteNumberByMSISDN', msisdn);
    return { msisdn, json: { PhoneNumber: '50499880011' } };
  },
  GetAvailableOffersByMSISDN: async () => ({ msisdn: demo().active.msisdn }),
  PurchaseOfferbyMSISDNandOfferId: async () => ({
    msisdn: freshLine((m) => !owns(m, '104')),
    offerId: '104',
  }),
  DeleteOfferbyMSISDNandOfferId: async () => {
    const msisdn = freshLine((m) => !owns(m, '105'));
    await prepared('DeleteOfferbyMSISDNandOfferId', msisdn);
    return { msisdn, offerId: '105' };
  },
  GetPhoneLeaseDetailsbyMSISDN: async () => ({ msisdn: demo().active.msisdn }),
  GetCurrentPlanDetailsbyMSISDN: async () => ({ msisdn: demo().active.msisdn }),
  UpdateCurrentPlanByMSISDN: async () => ({
    msisdn: freshLine((m) => planOf(m) !== '861'),
    json: { planId: '861' },
  }),
  GetAvailablePlansbyMSISDN: async () => ({ msisdn: demo().active.msisdn }),
  GetAvailablePlansUpgradesbyMSISDN: async () => ({ msisdn: demo().active.msisdn }),
  GetUpgradeStatusbyMSISDN: async () => ({ msisdn: demo().pendingUpgrade.msisdn }),
  CreateUpgradeRequestbyMSISDN: async () => ({
    msisdn: freshLine((m) => planOf(m) !== '863' && !pending(m)),
    json: { planId: '863' },
  }),
  CreateSubscriptionRequestsbyMSISDN: async () => ({
    msisdn: freshLine(),
    json: {
      name: 'Karen Aguilar',
      planId: '236',
      planName: 'Linea Adicional 3GB',
      monthlyAmount: 200,
      currencyId: 'HNL',
      categoryName: 'Linea Adicional',
    },
  }),
};

const errorShape = (operationId: OperationId, status: number) =>
  opOf(operationId).errorSchema === 'UsageError'
    ? { statusCode: status, code: expect.any(String), message: expect.any(String) }
    : { code: status, message: expect.any(String) };

describe('REST: caller × the 18 operations', () => {
  it('covers all 18 operations of the contract, 8 of them writes', () => {
    expect(ALL).toHaveLength(18);
    expect(Object.keys(REST_CASES).sort()).toEqual([...ALL].sort());
    expect(operations.filter((o) => o.method !== 'get')).toHaveLength(8);
  });

  it.each(ALL.flatMap((operationId) => CALLERS.map((caller) => [operationId, caller] as const)))(
    '%s, %s',
    async (operationId, caller) => {
      const req = await REST_CASES[operationId]();
      const write = opOf(operationId).method !== 'get';
      const authorization = await authorizationFor(caller, req.msisdn);
      const before = snapshot();
      const r = await rest(operationId, req, authorization);
      const label = `${caller}: ${operationId} ${req.msisdn}`;
      expect(r.headers.get('content-type'), label).toBe('application/json; charset=utf-8');

      if (caller === 'no token' || caller === "another subscriber's token") {
        const status = caller === 'no token' ? 401 : 403;
        expect(r.status, `${label}: ${r.text}`).toBe(status);
        expect(r.body, label).toMatchObject(errorShape(operationId, status));
        expect(validateResponse(operationId, status, r.body), label).toEqual([]);
        if (status === 401) expect(r.headers.get('www-authenticate'), label).toBe('Bearer');
        // Nothing of the line in the answer, nothing upstream, nothing changed.
        expect(r.text, label).not.toContain(req.msisdn);
        await expectNoUpstream(label);
        expect(snapshot(), `${label}: sandbox tables unchanged`).toEqual(before);
        return;
      }

      expect(r.status, `${label}: ${r.text}`).toBe(opOf(operationId).successStatus);
      expect(validateResponse(operationId, r.status, r.body), label).toEqual([]);
      // Reads may come from the gateway's HTTP cache (filled by the row before); writes never do.
      await expectOnlyLine(label, req.msisdn, { [operationId]: 1 }, !write);
      if (write) expect(snapshot(), `${label}: the write changed the sandbox`).not.toEqual(before);
    },
  );
});

// --- GraphQL: every Query root field and all 8 mutations ------------------------------------------

interface GqlCase {
  /** The line the operation addresses (the "own" line). */
  target: () => Promise<string>;
  query: string;
  variables: (msisdn: string) => Record<string, unknown>;
  /** What an allowed caller gets, and the upstream calls that costs. */
  allowed: (data: Record<string, unknown>, msisdn: string) => void;
  calls: Record<string, number>;
  write?: boolean;
}

const payload = (field: string, msisdn: string) => (data: Record<string, unknown>) =>
  expect(data[field]).toMatchObject({ subscriber: { msisdn } });

const GQL_CASES: Record<string, GqlCase> = {
  subscriber: {
    target: async () => demo().active.msisdn,
    query:
      'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn status { code } favorites { phoneNumber } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) =>
      expect(data.subscriber).toEqual({
        msisdn: m,
        status: { code: 'ACTIVE' },
        favorites: favoritesOf(m).map((phoneNumber) => ({ phoneNumber })),
      }),
    calls: { GetStatusOfSubscriberByMSISDN: 1, GetFavoriteNumbersByMSISDN: 1 },
  },
  subscribers: {
    target: async () => demo().active.msisdn,
    query: 'query ($m: MSISDN!) { subscribers(msisdns: [$m]) { msisdn status { code } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => expect(data.subscribers).toEqual([{ msisdn: m, status: { code: 'ACTIVE' } }]),
    calls: { GetStatusOfSubscriberByMSISDN: 1 },
  },
  line: {
    target: async () => demo().active.msisdn,
    query: 'query ($m: MSISDN!) { line(msisdn: $m) { msisdn plan { planId } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => expect(data.line).toEqual({ msisdn: m, plan: { planId: planOf(m) } }),
    calls: { GetCurrentPlanDetailsbyMSISDN: 1 },
  },
  // The REST router's pass-through: the MSISDN as written, under the same authorization.
  lineAsWritten: {
    target: async () => demo().active.msisdn,
    query: 'query ($m: String!) { lineAsWritten(msisdn: $m) { msisdn plan { planId } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => expect(data.lineAsWritten).toEqual({ msisdn: m, plan: { planId: planOf(m) } }),
    calls: { GetCurrentPlanDetailsbyMSISDN: 1 },
  },
  // me addresses no line by argument: the token's own line is the target (see the "me" rows).
  me: {
    target: async () => demo().active.msisdn,
    query: '{ me { msisdn status { code } } }',
    variables: () => ({}),
    allowed: (data, m) => expect(data.me).toEqual({ msisdn: m, status: { code: 'ACTIVE' } }),
    calls: { GetStatusOfSubscriberByMSISDN: 1 },
  },
  updateStatus: {
    target: async () => freshLine(),
    query:
      'mutation ($m: MSISDN!) { updateStatus(input: { msisdn: $m, code: BLOCKED, assetType: IMEI, reason: "Robo" }) { status { code assetType } subscriber { msisdn } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) =>
      expect(data.updateStatus).toEqual({
        status: { code: 'BLOCKED', assetType: 'IMEI' },
        subscriber: { msisdn: m },
      }),
    calls: { UpdateStatusOfSubscriberByMSISDN: 1 },
    write: true,
  },
  addFavorite: {
    target: async () => freshLine((m) => favoriteCount(m) < 5),
    query:
      'mutation ($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50499887766", label: "Casa" }) { response subscriber { msisdn } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => {
      payload('addFavorite', m)(data);
      expect(favoritesOf(m)).toContain('50499887766');
    },
    calls: { AddFavoriteNumberByMSISDN: 1 },
    write: true,
  },
  removeFavorite: {
    target: async () => {
      const m = freshLine((x) => favoriteCount(x) < 5);
      await prepared('removeFavorite', m);
      return m;
    },
    query:
      'mutation ($m: MSISDN!) { removeFavorite(input: { msisdn: $m, phoneNumber: "50499880011" }) { response subscriber { msisdn } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => {
      payload('removeFavorite', m)(data);
      expect(favoritesOf(m)).not.toContain('50499880011');
    },
    calls: { DeleteFavoriteNumberByMSISDN: 1 },
    write: true,
  },
  purchaseOffer: {
    target: async () => freshLine((m) => !owns(m, '104')),
    query:
      'mutation ($m: MSISDN!) { purchaseOffer(input: { msisdn: $m, offerId: "104" }) { response subscriber { msisdn } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => {
      payload('purchaseOffer', m)(data);
      expect(owns(m, '104')).toBe(true);
    },
    calls: { PurchaseOfferbyMSISDNandOfferId: 1 },
    write: true,
  },
  cancelOffer: {
    target: async () => {
      const m = freshLine((x) => !owns(x, '105'));
      await prepared('cancelOffer', m);
      return m;
    },
    query:
      'mutation ($m: MSISDN!) { cancelOffer(input: { msisdn: $m, offerId: "105" }) { response subscriber { msisdn } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => {
      payload('cancelOffer', m)(data);
      expect(owns(m, '105')).toBe(false);
    },
    calls: { DeleteOfferbyMSISDNandOfferId: 1 },
    write: true,
  },
  changePlan: {
    target: async () => freshLine((m) => planOf(m) !== '861'),
    query:
      'mutation ($m: MSISDN!) { changePlan(input: { msisdn: $m, planId: "861" }) { response subscriber { msisdn } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => {
      payload('changePlan', m)(data);
      expect(planOf(m)).toBe('861');
    },
    calls: { UpdateCurrentPlanByMSISDN: 1 },
    write: true,
  },
  requestPlanUpgrade: {
    target: async () => freshLine((m) => planOf(m) !== '863' && !pending(m)),
    query:
      'mutation ($m: MSISDN!) { requestPlanUpgrade(input: { msisdn: $m, planId: "863" }) { response subscriber { msisdn } } }',
    variables: (m) => ({ m }),
    allowed: (data, m) => {
      payload('requestPlanUpgrade', m)(data);
      expect(pending(m)).toBe(true);
    },
    calls: { CreateUpgradeRequestbyMSISDN: 1 },
    write: true,
  },
  requestAdditionalSubscriptions: {
    target: async () => freshLine(),
    query: `mutation ($m: MSISDN!) {
      requestAdditionalSubscriptions(input: {
        msisdn: $m, planId: "236", planName: "Linea Adicional 3GB", category: "Linea Adicional",
        monthlyAmount: 200, currency: "HNL", name: "Karen Aguilar"
      }) { response message subscriber { msisdn } }
    }`,
    variables: (m) => ({ m }),
    allowed: (data, m) => payload('requestAdditionalSubscriptions', m)(data),
    calls: { CreateSubscriptionRequestsbyMSISDN: 1 },
    write: true,
  },
};

const FIELDS = Object.keys(GQL_CASES);

describe('GraphQL: caller × every Query root field and mutation', () => {
  it('covers every Query root field and every mutation of the schema', async () => {
    const r = await gql(
      '{ q: __type(name: "Query") { fields { name } } m: __type(name: "Mutation") { fields { name } } }',
      {},
      `Bearer ${await s.token({ agent: 'matrix' })}`,
    );
    const names = (key: string) =>
      ((dataOf(r)?.[key] ?? { fields: [] }) as { fields: { name: string }[] }).fields.map((f) => f.name);
    expect(names('q').sort()).toEqual(['line', 'lineAsWritten', 'me', 'subscriber', 'subscribers']);
    expect(names('m')).toHaveLength(8);
    expect([...names('q'), ...names('m')].sort()).toEqual([...FIELDS].sort());
  });

  it.each(FIELDS.flatMap((field) => CALLERS.map((caller) => [field, caller] as const)))(
    '%s, %s',
    async (field, caller) => {
      const c = GQL_CASES[field] as GqlCase;
      const target = await c.target();
      const authorization = await authorizationFor(caller, target);
      const before = snapshot();
      const r = await gql(c.query, c.variables(target), authorization);
      const label = `${caller}: ${field} ${target}`;

      if (caller === 'no token') {
        expect(r.status, label).toBe(401);
        expect(r.headers.get('www-authenticate'), label).toBe('Bearer');
        expect(r.body, label).toEqual({
          errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
        });
        await expectNoUpstream(label);
        expect(snapshot(), label).toEqual(before);
        return;
      }

      if (field === 'me') {
        // me never addresses another line: a subscriber token gets its own, an agent none.
        expect(r.status, label).toBe(200);
        expect(errorsOf(r), label).toEqual([]);
        if (caller === 'agent token') {
          expect(dataOf(r), label).toEqual({ me: null });
          await expectNoUpstream(label);
        } else {
          const own = caller === 'own token' ? target : other();
          c.allowed(dataOf(r) ?? {}, own);
          await expectOnlyLine(label, own, c.calls, true);
        }
        return;
      }

      if (caller === "another subscriber's token") {
        expect(r.status, label).toBe(200);
        const errors = errorsOf(r);
        expect(errors.length, `${label}: ${r.text}`).toBeGreaterThan(0);
        expect(
          errors.map((e) => e.extensions?.code),
          label,
        ).toEqual(errors.map(() => 'FORBIDDEN'));
        expect(errors[0]?.path?.[0], label).toBe(field);
        // (subscribers: null, or [null]; where the error belongs is the test of [own, other] below)
        expect([null, [null]], label).toContainEqual(dataOf(r)?.[field] ?? null);
        expect(r.text, label).not.toContain(target);
        await expectNoUpstream(label);
        expect(snapshot(), `${label}: sandbox tables unchanged`).toEqual(before);
        return;
      }

      expect(r.status, label).toBe(200);
      expect(errorsOf(r), `${label}: ${r.text}`).toEqual([]);
      c.allowed(dataOf(r) ?? {}, target);
      await expectOnlyLine(label, target, c.calls, !c.write);
      if (c.write) expect(snapshot(), `${label}: the write changed the sandbox`).not.toEqual(before);
    },
  );
});

// --- GraphQL: several lines, markets, me ------------------------------------------------------------

describe('GraphQL: a subscriber token among several lines and markets', () => {
  const BOTH = 'query ($ms: [MSISDN!]!) { subscribers(msisdns: $ms) { msisdn status { code } } }';

  it('subscribers(msisdns: [own, other]) never reads or answers the other line', async () => {
    const own = demo().active.msisdn;
    const r = await gql(BOTH, { ms: [own, other()] }, `Bearer ${await s.token({ msisdn: own })}`);
    expect(errorsOf(r).map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(r.text).not.toContain(other());
    // The own line's status read may land after the answer (see the next test): wait for it, so
    // that every call this request caused is counted, then: one read, of the own line only.
    await vi.waitFor(async () =>
      expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 1 }),
    );
    expect(linesReached()).toEqual([own]);
  });

  it('subscribers(msisdns: [own, other]): the own entry with its data, the other null with FORBIDDEN at [subscribers, 1]', async () => {
    // inside msisdns.map(), so the first forbidden line throws out of the whole resolver: the
    // answer is data null and one FORBIDDEN at ['subscribers'] (the own line's data is lost, and
    // its prefetched reads were started for nothing), instead of [own, null] with the error at
    // ['subscribers', 1].
    const own = demo().active.msisdn;
    const r = await gql(BOTH, { ms: [own, other()] }, `Bearer ${await s.token({ msisdn: own })}`);
    // (the own line's prefetched status read outlives the answer; let it land in this test)
    await vi.waitFor(async () =>
      expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 1 }),
    );
    expect(dataOf(r)).toEqual({ subscribers: [{ msisdn: own, status: { code: 'ACTIVE' } }, null] });
    expect(errorsOf(r)).toEqual([
      expect.objectContaining({
        path: ['subscribers', 1],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 1 });
    expect(linesReached()).toEqual([own]);
  });

  it('a token naming another market than the line is FORBIDDEN on GraphQL and 403 on REST, before any upstream call', async () => {
    const own = demo().active.msisdn; // an hn line
    const gt = `Bearer ${await s.token({ msisdn: own, country: 'gt' })}`;
    const explicit = await gql(
      'query ($m: MSISDN!) { subscriber(msisdn: $m, country: HN) { msisdn } }',
      { m: own },
      gt,
    );
    expect(errorsOf(explicit).map((e) => [e.path, e.extensions?.code])).toEqual([
      [['subscriber'], 'FORBIDDEN'],
    ]);
    expect(dataOf(explicit)).toEqual({ subscriber: null });
    const viaRest = await rest('GetStatusOfSubscriberByMSISDN', { msisdn: own, country: 'hn' }, gt);
    expect(viaRest.status).toBe(403);
    expect(viaRest.body).toMatchObject({ code: 403 });
    await expectNoUpstream('country claim of another market');
  });

  it('without a country, a line is read in the market of the token, not the gateway’s default', async () => {
    // Before, subscriber(msisdn:) read the default market (HN) and refused a GT token its own line.
    const line = s.upstream.sandbox.db
      .prepare("SELECT msisdn FROM subscribers WHERE country = 'gt' ORDER BY msisdn LIMIT 1")
      .get() as { msisdn: string };
    const auth = `Bearer ${await s.token({ msisdn: line.msisdn, country: 'gt' })}`;
    const r = await gql(
      'query ($m: MSISDN!) { subscriber(msisdn: $m) { id msisdn country } }',
      { m: line.msisdn },
      auth,
    );
    expect(r.body).toEqual({
      data: { subscriber: { id: `gt:${line.msisdn}`, msisdn: line.msisdn, country: 'GT' } },
    });
    expect(recorder.requests()).toEqual([
      expect.stringMatching(new RegExp(`/gt/billing/subscribers/${line.msisdn}/status$`)),
    ]);
  });

  it('a token naming the line’s own market (in any case) reaches it', async () => {
    const own = demo().active.msisdn;
    for (const country of ['hn', 'HN']) {
      await s.resetUpstreamCalls();
      recorder.reset();
      const auth = `Bearer ${await s.token({ msisdn: own, country })}`;
      const r = await gql('query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn } }', { m: own }, auth);
      expect(r.body).toEqual({ data: { subscriber: { msisdn: own } } });
      await expectOnlyLine(country, own, { GetStatusOfSubscriberByMSISDN: 1 });
      const viaRest = await rest('GetStatusOfSubscriberByMSISDN', { msisdn: own }, auth);
      expect(viaRest.status).toBe(200);
    }
  });

  it('me: a subscriber token gets its line (in its token’s market), an agent token null without any upstream call', async () => {
    const own = demo().active.msisdn;
    const mine = await gql(
      '{ me { msisdn country status { code } } }',
      {},
      `Bearer ${await s.token({ msisdn: own })}`,
    );
    expect(mine.body).toEqual({ data: { me: { msisdn: own, country: 'HN', status: { code: 'ACTIVE' } } } });
    await expectOnlyLine('me', own, { GetStatusOfSubscriberByMSISDN: 1 });

    await s.resetUpstreamCalls();
    recorder.reset();
    const agent = await gql(
      '{ me { msisdn status { code } } }',
      {},
      `Bearer ${await s.token({ agent: 'x' })}`,
    );
    expect(agent.body).toEqual({ data: { me: null } });
    await expectNoUpstream('me as an agent');

    // A token of the line in another market: me reads that market, where the line does not exist.
    const gt = await gql('{ me { msisdn } }', {}, `Bearer ${await s.token({ msisdn: own, country: 'gt' })}`);
    expect(errorsOf(gt)[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(linesReached().every((m) => m === own)).toBe(true);
  });

  it('a valid token that names no line and has no agent scope reaches nothing: FORBIDDEN, 403, me null', async () => {
    const nobody = await new SignJWT({ scope: 'openid selfcare:agentx', msisdn: '+50491234567' })
      .setProtectedHeader({ alg: 'ES256', kid: devKey.kid })
      .setSubject('someone')
      .setIssuer(s.config.auth.issuer)
      .setAudience(s.config.auth.audience)
      .setExpirationTime('1h')
      .sign(devKey.privateKey);
    const auth = `Bearer ${nobody}`;
    const one = await gql(
      'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn } me { msisdn } }',
      { m: demo().active.msisdn },
      auth,
    );
    expect(dataOf(one)).toEqual({ subscriber: null, me: null });
    expect(errorsOf(one).map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const viaRest = await rest('GetFavoriteNumbersByMSISDN', { msisdn: demo().active.msisdn }, auth);
    expect(viaRest.status).toBe(403);
    await expectNoUpstream('token of nobody');
  });

  it('the agent scope among other scopes makes an agent', async () => {
    const agent = await new SignJWT({ scope: 'openid selfcare:agent profile' })
      .setProtectedHeader({ alg: 'ES256', kid: devKey.kid })
      .setSubject('agent:scoped')
      .setIssuer(s.config.auth.issuer)
      .setAudience(s.config.auth.audience)
      .setExpirationTime('1h')
      .sign(devKey.privateKey);
    const m = demo().blocked.msisdn;
    const r = await gql(
      'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn } }',
      { m },
      `Bearer ${agent}`,
    );
    expect(r.body).toEqual({ data: { subscriber: { msisdn: m } } });
  });
});

// --- tokens that are not good enough: 401 ---------------------------------------------------------

describe('401 for a missing, malformed, expired or foreign token', () => {
  const QUERY = 'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn status { code } } }';

  /** Both surfaces answer 401 with their own body, www-authenticate Bearer, and reach no upstream. */
  async function refused(authorization: string | null, message?: RegExp) {
    const m = demo().active.msisdn;
    const g = await gql(QUERY, { m }, authorization);
    expect(g.status, `${authorization}: ${g.text}`).toBe(401);
    expect(g.headers.get('www-authenticate')).toBe('Bearer');
    expect(g.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const r = await rest('GetDataUsageByMSISDNPerHourAndApp', { msisdn: m }, authorization);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(r.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED', message: expect.any(String) });
    expect(validateResponse('GetDataUsageByMSISDNPerHourAndApp', 401, r.body)).toEqual([]);
    const f = await rest('GetFavoriteNumbersByMSISDN', { msisdn: m }, authorization);
    expect(f.status).toBe(401);
    expect(f.body).toEqual({ code: 401, message: expect.any(String) });
    if (message) {
      expect((errorsOf(g)[0] as GqlError).message).toMatch(message);
      expect(r.body.message).toMatch(message);
      expect(f.body.message).toMatch(message);
    }
    await expectNoUpstream(String(authorization));
  }

  const sign = (claims: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT, key = devKey.privateKey) =>
    edit(
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: devKey.kid })
        .setSubject('agent:edited')
        .setIssuer(s.config.auth.issuer)
        .setAudience(s.config.auth.audience)
        .setIssuedAt()
        .setExpirationTime('1h'),
    ).sign(key);

  it('no Authorization header', async () => {
    await refused(null, /Bearer token is required/);
  });

  it('an expired token says it expired', async () => {
    const expired = await s.token({ agent: 'late' }, '-1m');
    await refused(`Bearer ${expired}`, /expired/);
    const own = await s.token({ msisdn: demo().active.msisdn }, Math.floor(Date.now() / 1000) - 3600);
    await refused(`Bearer ${own}`, /expired/);
  });

  it('a token signed by another key (same kid, issuer and audience)', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    await refused(`Bearer ${await sign({ scope: 'selfcare:agent' }, (j) => j, privateKey)}`, /not valid/);
  });

  it('a token of another issuer, or for another audience', async () => {
    const key = devKey;
    await refused(
      `Bearer ${await signDevToken(key, { ...s.config.auth, issuer: 'someone-else' }, { agent: 'x' })}`,
      /not valid/,
    );
    await refused(
      `Bearer ${await signDevToken(key, { ...s.config.auth, audience: 'another-api' }, { agent: 'x' })}`,
      /not valid/,
    );
  });

  it('a token not valid before a time to come, an unsigned token, a token with a forged payload', async () => {
    await refused(
      `Bearer ${await sign({ scope: 'selfcare:agent' }, (j) => j.setNotBefore('1h'))}`,
      /not valid/,
    );
    const unsigned = new UnsecuredJWT({ scope: 'selfcare:agent' })
      .setIssuer(s.config.auth.issuer)
      .setAudience(s.config.auth.audience)
      .setExpirationTime('1h')
      .encode();
    await refused(`Bearer ${unsigned}`);
    await refused(`Bearer ${unsigned}AAAA`);
    const [header, , signature] = (await s.token({ msisdn: other() })).split('.');
    const forged = Buffer.from(
      JSON.stringify({ msisdn: demo().active.msisdn, scope: 'selfcare:agent' }),
    ).toString('base64url');
    await refused(`Bearer ${header}.${forged}.${signature}`, /not valid/);
  });

  it('malformed Authorization headers', async () => {
    const token = await s.token({ agent: 'malformed' });
    for (const header of [
      '',
      'Bearer',
      'Bearer ',
      token,
      `Basic ${Buffer.from('agent:secret').toString('base64')}`,
      `Token ${token}`,
      `Bearer ${token} ${token}`,
      `Bearer ${token}.x`,
      'Bearer not-a-jwt',
      'Bearer a.b.c',
    ]) {
      await refused(header);
    }
  });

  it('the scheme is case-insensitive (RFC 6750): "bearer <token>" is accepted', async () => {
    const r = await gql(
      QUERY,
      { m: demo().active.msisdn },
      `bearer ${await s.token({ msisdn: demo().active.msisdn })}`,
    );
    expect(r.status).toBe(200);
    expect(dataOf(r)).toEqual({ subscriber: { msisdn: demo().active.msisdn, status: { code: 'ACTIVE' } } });
  });

  it('a GET /graphql without `query` is the landing page only: a persisted-query hash without a token is 401', async () => {
    // `query`, so an automatic persisted query (GET ?extensions={"persistedQuery":...}) runs with
    // no token at all: 200 with the operation executed as an anonymous principal (and outside the
    // rate limit, whose allowList lets principal-less requests through), where 401 is expected.
    const query = '{ me { msisdn } __schema { queryType { name } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const register = await send(
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, extensions: JSON.parse(extensions) }),
      },
      `Bearer ${await s.token({ agent: 'apq' })}`,
    );
    expect(register.status).toBe(200);
    const anonymous = await send(
      `/graphql?extensions=${encodeURIComponent(extensions)}`,
      { headers: { 'apollo-require-preflight': 'true' } },
      null,
    );
    expect(anonymous.status, anonymous.text).toBe(401);
    expect(anonymous.body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});

// --- no caller's data ever served to another -------------------------------------------------------

describe('caches and loaders never serve one caller’s data to another', () => {
  const ME = '{ me { msisdn favorites { phoneNumber } plan { planId } } }';

  it('the same operation text by two subscribers in a row: each gets its own line, read for it', async () => {
    const a = freshLine((m) => favoriteCount(m) > 0);
    const b = freshLine((m) => favoriteCount(m) > 0 && favoritesOf(m).join() !== favoritesOf(a).join());
    const calls = {
      GetStatusOfSubscriberByMSISDN: 1,
      GetFavoriteNumbersByMSISDN: 1,
      GetCurrentPlanDetailsbyMSISDN: 1,
    };
    for (const [line, tokenLine] of [
      [a, a],
      [b, b],
      [a, a],
    ] as const) {
      await s.resetUpstreamCalls();
      recorder.reset();
      const r = await gql(ME, {}, `Bearer ${await s.token({ msisdn: tokenLine })}`);
      expect(r.body).toEqual({
        data: {
          me: {
            msisdn: line,
            favorites: favoritesOf(line).map((phoneNumber) => ({ phoneNumber })),
            plan: { planId: planOf(line) },
          },
        },
      });
      await expectOnlyLine(`me of ${line}`, line, calls);
    }
  });

  it('a line read by its owner is not served to another subscriber right after, nor while in flight', async () => {
    const a = demo().active.msisdn;
    const q = 'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn favorites { phoneNumber } } }';
    const owner = `Bearer ${await s.token({ msisdn: a })}`;
    const stranger = `Bearer ${await s.token({ msisdn: other() })}`;
    expect(dataOf(await gql(q, { m: a }, owner))).toMatchObject({ subscriber: { msisdn: a } });
    const after = await gql(q, { m: a }, stranger);
    expect(dataOf(after)).toEqual({ subscriber: null });
    expect(after.text).not.toContain(a);
    const [mine, theirs] = await Promise.all([gql(q, { m: a }, owner), gql(q, { m: a }, stranger)]);
    expect(dataOf(mine)).toMatchObject({ subscriber: { msisdn: a } });
    expect(dataOf(theirs)).toEqual({ subscriber: null });
    expect(errorsOf(theirs)[0]?.extensions?.code).toBe('FORBIDDEN');
    // Two reads by the owner (each its own request, its own loaders), none for the stranger.
    expect(await s.upstreamCalls()).toEqual({
      GetStatusOfSubscriberByMSISDN: 2,
      GetFavoriteNumbersByMSISDN: 2,
    });
  });

  it('a cached catalog read by its owner is refused to another subscriber; the other’s own read is its own line’s', async () => {
    const a = demo().active.msisdn;
    const b = other();
    const q = 'query ($m: MSISDN!) { line(msisdn: $m) { msisdn offers { id } availablePlans { id } } }';
    const first = await gql(q, { m: a }, `Bearer ${await s.token({ msisdn: a })}`);
    expect(errorsOf(first)).toEqual([]);
    const stranger = `Bearer ${await s.token({ msisdn: b })}`;
    await s.resetUpstreamCalls();
    recorder.reset();
    const refused = await gql(q, { m: a }, stranger);
    expect(dataOf(refused)).toBeNull();
    expect(errorsOf(refused).map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(refused.text).not.toContain('offers');
    const viaRest = await rest('GetAvailableOffersByMSISDN', { msisdn: a }, stranger);
    expect(viaRest.status).toBe(403);
    await expectNoUpstream('a cached catalog of another line');
    const own = await gql(q, { m: b }, stranger);
    expect(errorsOf(own)).toEqual([]);
    expect(dataOf(own)).toMatchObject({ line: { msisdn: b } });
    expect(linesReached().every((m) => m === b)).toBe(true);
  });

  it('loader keys: one caller’s equal reads share a call; another caller’s loaders never answer from it', async () => {
    const seen: string[] = [];
    const api = new Proxy(
      {},
      {
        get:
          (_, operationId: string) =>
          async (args: { country: string; path: Record<string, string>; query?: unknown }) => {
            seen.push(
              `${operationId} ${args.country} ${Object.values(args.path).join()} ${JSON.stringify(args.query ?? {})}`,
            );
            return { owner: args.path.MSISDN ?? args.path.msisdn, operationId };
          },
      },
    ) as UpstreamApi;
    const call = { correlationId: 'c', failures: [] };
    const alice = createLoaders(api, call, 'subscriber:50491234567');
    const bob = createLoaders(api, call, 'subscriber:50499999999');
    const line = { msisdn: '50491234567', country: 'hn' };

    // The same key in any property order, with an undefined argument or without: one call.
    const [one, two, three] = await Promise.all([
      alice.favorites.load(line),
      alice.favorites.load({ country: 'hn', msisdn: '50491234567' }),
      alice.hourlyUsage.load({ ...line, from: undefined }).then(() => alice.favorites.load(line)),
    ]);
    expect(one).toBe(two);
    expect(three).toBe(one);
    expect(seen.filter((x) => x.startsWith('GetFavoriteNumbersByMSISDN'))).toHaveLength(1);

    // Another market, or another argument, is another key.
    await alice.favorites.load({ msisdn: '50491234567', country: 'gt' });
    await alice.offers.load({ ...line, channelId: 4 });
    await alice.offers.load({ ...line, channelId: 5 });
    await alice.plans.load({ ...line, type: 'upgrades' });
    await alice.plans.load(line);
    expect(seen).toEqual([
      'GetFavoriteNumbersByMSISDN hn 50491234567 {}',
      'GetDataUsageByMSISDNPerHourAndApp hn 50491234567 {}',
      'GetFavoriteNumbersByMSISDN gt 50491234567 {}',
      'GetAvailableOffersByMSISDN hn 50491234567 {"channelId":4}',
      'GetAvailableOffersByMSISDN hn 50491234567 {"channelId":5}',
      'GetAvailablePlansUpgradesbyMSISDN hn 50491234567 {}',
      'GetAvailablePlansbyMSISDN hn 50491234567 {}',
    ]);

    // Bob's loaders, even primed by nothing, read for themselves: never Alice's cached value.
    seen.length = 0;
    const bobs = await bob.favorites.load(line);
    expect(bobs).not.toBe(one);
    expect(seen).toEqual(['GetFavoriteNumbersByMSISDN hn 50491234567 {}']);
    // And a value primed in Alice's loaders is not in Bob's.
    alice.status.prime(line, { code: 'Active' } as never);
    seen.length = 0;
    await bob.status.load(line);
    expect(seen).toEqual(['GetStatusOfSubscriberByMSISDN hn 50491234567 {}']);
  });
});

// --- npm run token ---------------------------------------------------------------------------------

describe('scripts/token.ts (npm run token)', () => {
  const token = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['scripts/token.ts', ...args], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: {
        PATH: process.env.PATH ?? '',
        AUTH_DEV_KEY_FILE: s.config.auth.devKeyFile,
        ...env,
      },
    });

  it('--msisdn N prints a token of that line only; --agent one of an agent', async () => {
    const own = demo().active.msisdn;
    const { stdout } = await token(['--msisdn', own]);
    const subscriber = `Bearer ${stdout.trim()}`;
    const q = 'query ($m: MSISDN!) { subscriber(msisdn: $m) { msisdn } }';
    expect((await gql(q, { m: own }, subscriber)).body).toEqual({ data: { subscriber: { msisdn: own } } });
    const denied = await gql(q, { m: other() }, subscriber);
    expect(errorsOf(denied)[0]?.extensions?.code).toBe('FORBIDDEN');

    const agent = `Bearer ${(await token(['--agent'])).stdout.trim()}`;
    expect((await gql(q, { m: other() }, agent)).body).toEqual({ data: { subscriber: { msisdn: other() } } });
    const expired = `Bearer ${(await token(['--agent', '--ttl=-1m'])).stdout.trim()}`;
    expect((await gql(q, { m: other() }, expired)).status).toBe(401);
  });

  it('--country names the market of the line', async () => {
    const own = demo().active.msisdn;
    const gt = `Bearer ${(await token(['--msisdn', own, '--country', 'gt'])).stdout.trim()}`;
    const r = await gql(
      'query ($m: MSISDN!) { subscriber(msisdn: $m, country: HN) { msisdn } }',
      { m: own },
      gt,
    );
    expect(errorsOf(r)[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a bad MSISDN (exit 2) and a JWKS configuration (exit 1)', async () => {
    await expect(token(['--msisdn', '123'])).rejects.toMatchObject({ code: 2 });
    await expect(token([])).rejects.toMatchObject({ code: 2 });
    await expect(
      token(['--agent'], {
        AUTH_JWKS_URL: 'https://id.example/jwks.json',
        AUTH_ISSUER: 'https://id.example',
        AUTH_AUDIENCE: 'selfcare',
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('AUTH_JWKS_URL') });
  });
});

describe('the development key', () => {
  it('is kept in the configured file and its public half verifies the stack’s tokens', async () => {
    const jwk = await exportJWK(devKey.publicKey);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(jwk).not.toHaveProperty('d');
    const again = await loadDevKey(s.config.auth.devKeyFile);
    expect(again.kid).toBe(devKey.kid);
  });
});
